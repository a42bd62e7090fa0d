package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mssql-jdbc inside the plugin against a port nobody listens on and a socket that accepts and never answers: the
 * source's login timeout and retry settings take effect, and the client reads one clear sentence.
 */
class SqlServerConnectIT {
    private static final int LOGIN_TIMEOUT = 2;
    private static final int ATTEMPTS = 2;

    @TempDir
    Path plugins;

    @Test
    void aClosedPortFailsFastWithTheDriversReasonAfterTheRetries() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        configure("closed", port);
        try (SqlRuntime sql = SqlRuntime.start(plugins)) {
            String failure = failure(sql, "closed");
            assertTrue(failure.startsWith("Cannot reach source 'closed' after 2 attempt(s) (login timeout 2 s each): "
                    + "The TCP/IP connection to the host 127.0.0.1, port " + port + " has failed."), failure);
            sql.process().awaitStderr(Pattern.compile("Source closed: attempt 1 failed"), Duration.ofSeconds(5));
        }
    }

    @Test
    void aSilentServerIsGivenUpAfterTheLoginTimeoutOnEachAttempt() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // held open, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            configure("silent", silent.getLocalPort());
            try (SqlRuntime sql = SqlRuntime.start(plugins)) {
                long started = System.nanoTime();
                String failure = failure(sql, "silent");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(failure.startsWith("Cannot reach source 'silent' after 2 attempt(s) (login timeout 2 s "
                        + "each): Read timed out"), failure);
                assertTrue(took.compareTo(Duration.ofSeconds((long) LOGIN_TIMEOUT * ATTEMPTS)) >= 0,
                        "each attempt waited for the login timeout: " + took);
                assertTrue(accepted.size() >= ATTEMPTS, "one connection per attempt: " + accepted.size());
            } finally {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }

    private void configure(String name, int port) throws IOException {
        SqlRuntime.writeSource(plugins, name,
                "url = jdbc:sqlserver://127.0.0.1:" + port + ";databaseName=shop;encrypt=false\n"
                        + "user = reader\npassword = secret\nloginTimeout = " + LOGIN_TIMEOUT + "\nretryAttempts = "
                        + ATTEMPTS + "\nretryDelay = 0.2\n");
    }

    private static String failure(SqlRuntime sql, String source) {
        String text = sql.failure("sql_query", Map.of("source", source, "sql", "SELECT 1"));
        assertFalse(text.contains("\tat ") || text.contains("Exception"), "no stack trace or class name: " + text);
        return text;
    }
}
