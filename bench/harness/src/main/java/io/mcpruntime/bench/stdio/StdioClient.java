package io.mcpruntime.bench.stdio;

import io.mcpruntime.bench.JsonRpc;
import io.mcpruntime.bench.ServerProcess;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A client of a server it spawned over stdio: newline-delimited JSON-RPC. One reader thread takes every line the
 * server writes and hands it to the current listener (a load run), or else queues it for {@link #awaitAnswer}.
 */
public final class StdioClient implements AutoCloseable {
    private final ServerProcess server;
    private final Writer out;
    private final BlockingQueue<String> unclaimed = new LinkedBlockingQueue<>();
    private final AtomicInteger toolsListChanged = new AtomicInteger();
    private volatile Consumer<String> listener;

    private StdioClient(ServerProcess server) {
        this.server = server;
        this.out = new BufferedWriter(new OutputStreamWriter(server.process().getOutputStream(),
                StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readLines, "stdio-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static StdioClient start(List<String> command) throws IOException {
        return new StdioClient(ServerProcess.start(command));
    }

    public ServerProcess server() {
        return server;
    }

    /** Sends initialize and, once answered, {@code notifications/initialized}; returns when it was answered. */
    public long initialize(Duration timeout) throws IOException, InterruptedException {
        send(JsonRpc.initialize(0));
        awaitAnswer(0, timeout);
        long answered = System.nanoTime();
        send(JsonRpc.INITIALIZED);
        return answered;
    }

    public synchronized void send(String message) throws IOException {
        out.write(message);
        out.write('\n');
        out.flush();
    }

    /** The answer to the request with this id, skipping notifications; fails after the timeout. */
    public String awaitAnswer(long id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            String line = unclaimed.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && JsonRpc.idOf(line) == id) {
                return line;
            }
        }
        throw new IOException("No answer to request " + id + " within " + timeout + "; stderr:\n"
                + String.join("\n", server.stderr()));
    }

    /** How many {@code notifications/tools/list_changed} the server has sent so far. */
    public int toolsListChanged() {
        return toolsListChanged.get();
    }

    /** Lines go to the listener while one is set (null: back to {@link #awaitAnswer}). */
    void listen(Consumer<String> listener) {
        this.listener = listener;
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(server.process().getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.contains(JsonRpc.TOOLS_LIST_CHANGED)) {
                    toolsListChanged.incrementAndGet();
                }
                Consumer<String> current = listener;
                if (current != null) {
                    current.accept(line);
                } else {
                    unclaimed.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended: nothing more to read
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
