package io.mcpruntime.bench.http;

import io.mcpruntime.bench.JsonRpc;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** One initialized MCP session over one HTTP connection, as a Streamable HTTP client holds it. */
public final class McpHttpSession implements AutoCloseable {
    private final HttpConnection connection;
    private final Map<String, String> headers;
    private final long initializedNanos;

    private McpHttpSession(HttpConnection connection, String sessionId, long initializedNanos) {
        this.connection = connection;
        this.initializedNanos = initializedNanos;
        this.headers = Map.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream",
                "Mcp-Session-Id", sessionId, "MCP-Protocol-Version", JsonRpc.PROTOCOL_VERSION);
    }

    /** Connects, initializes and sends {@code notifications/initialized}. */
    public static McpHttpSession open(URI endpoint) throws IOException {
        HttpConnection connection = new HttpConnection(endpoint);
        HttpConnection.Response init = connection.exchange("POST", Map.of("Content-Type", "application/json",
                "Accept", "application/json, text/event-stream"), JsonRpc.initialize(0));
        long answered = System.nanoTime();
        String sessionId = init.headers().get("mcp-session-id");
        if (init.status() != 200 || sessionId == null) {
            connection.close();
            throw new IOException("initialize failed: HTTP " + init.status() + " " + init.body());
        }
        McpHttpSession session = new McpHttpSession(connection, sessionId, answered);
        session.post(JsonRpc.INITIALIZED);
        return session;
    }

    /** When the initialize request was answered, on the {@link System#nanoTime()} clock. */
    public long initializedNanos() {
        return initializedNanos;
    }

    public String sessionId() {
        return headers.get("Mcp-Session-Id");
    }

    /** Posts one message and reads the whole answer (for a request, the SSE event or JSON that carries it). */
    public HttpConnection.Response post(String message) throws IOException {
        return connection.exchange("POST", headers, message);
    }

    /** Ends the session on the server (DELETE), so that idle sessions do not pile up between measurements. */
    @Override
    public void close() throws IOException {
        try {
            connection.exchange("DELETE", headers, null);
        } finally {
            connection.close();
        }
    }
}
