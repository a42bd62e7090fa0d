package io.mcpruntime.bench.http;

import io.mcpruntime.bench.JsonRpc;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A session's GET stream, the only way a Streamable HTTP server reaches a client unasked: records when each
 * {@code notifications/tools/list_changed} arrives, on the {@link System#nanoTime()} clock.
 */
public final class NotificationStream implements AutoCloseable {
    private final BlockingQueue<Long> toolsListChanged = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    /** Opens the stream; the server sends its headers with the first event, so this does not wait for them. */
    public NotificationStream(URI endpoint, String sessionId) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).GET()
                .header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", sessionId)
                .header("MCP-Protocol-Version", JsonRpc.PROTOCOL_VERSION)
                .build();
        this.response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().forEach(this::onLine));
    }

    private void onLine(String line) {
        if (line.startsWith("data:") && line.contains(JsonRpc.TOOLS_LIST_CHANGED)) {
            toolsListChanged.add(System.nanoTime());
        }
    }

    /** Forgets what arrived so far, so that the next {@link #awaitToolsListChanged} waits for a new one. */
    public void clear() {
        toolsListChanged.clear();
    }

    /** When the next tools/list_changed arrived, or -1 if none came within the timeout. */
    public long awaitToolsListChanged(Duration timeout) throws IOException, InterruptedException {
        Long arrived = toolsListChanged.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (arrived == null && response.isDone()) {
            throw new IOException("The GET stream ended: " + response.handle((r, e) -> e != null ? e.toString()
                    : "HTTP " + r.statusCode()).join());
        }
        return arrived == null ? -1 : arrived;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
