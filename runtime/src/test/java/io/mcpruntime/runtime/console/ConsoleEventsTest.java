package io.mcpruntime.runtime.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The console's event streams on a real Jetty, with one page that never reads what it is sent. */
class ConsoleEventsTest {
    private static final Duration PROMPT = Duration.ofSeconds(2);

    @Test
    void aPageThatStopsReadingHoldsUpNeitherTheTimerNorTheOtherPages() throws Exception {
        String padding = "x".repeat(1024 * 1024); // a few of these fill every buffer between server and page
        ConsoleEvents events = new ConsoleEvents(() -> "unchanged", () -> Map.of("padding", padding),
                new ObjectMapper());
        Server server = serving(events);
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        AtomicInteger received = new AtomicInteger();
        try (Socket asleep = open(port); Socket reading = open(port)) {
            Thread reader = new Thread(() -> countActivity(reading, received));
            reader.setDaemon(true);
            reader.start();
            Thread.sleep(500); // both streams opened

            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                events.sendActivity();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(took.compareTo(PROMPT) < 0, "event " + i + " held the timer for " + took);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(received.get() > 0, "the page that reads got its events");
        } finally {
            events.close();
            server.stop();
        }
    }

    @Test
    void aChangeRightAfterThePageOpenedItsStreamIsToldToIt() throws Exception {
        AtomicInteger plugins = new AtomicInteger();
        ConsoleEvents events = new ConsoleEvents(plugins::get, Map::of, new ObjectMapper());
        Server server = serving(events);
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        try (Socket page = open(port)) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(page.getInputStream(),
                    StandardCharsets.UTF_8));
            page.setSoTimeout(10_000);
            awaitLine(lines, "retry: 2000"); // the stream is open: the page reads the state now
            plugins.incrementAndGet(); // a jar dropped before the timer's first look
            events.checkForChanges();
            awaitLine(lines, "event: change");
        } finally {
            events.close();
            server.stop();
        }
    }

    private static void awaitLine(BufferedReader lines, String wanted) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.equals(wanted)) {
                return;
            }
        }
        throw new AssertionError("the stream ended before '" + wanted + "'");
    }

    private static Server serving(ConsoleEvents events) throws Exception {
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder holder = new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                events.listen(request, response);
            }
        });
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/events");
        server.setHandler(context);
        server.start();
        return server;
    }

    /** A page's event stream on a socket with a small receive buffer. */
    private static Socket open(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream out = socket.getOutputStream();
        out.write("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void countActivity(Socket socket, AtomicInteger received) {
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("event: activity")) {
                    received.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // the test is over
        }
    }
}
