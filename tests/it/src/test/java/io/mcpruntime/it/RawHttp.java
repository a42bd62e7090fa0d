package io.mcpruntime.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP to the runtime (MCP endpoint, health, metrics), for tests that see exactly what goes over the wire. */
final class RawHttp {
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawHttp() {
    }

    /** A JSON-RPC request as MCP clients send it, in the session if one is given. */
    static HttpRequest request(URI endpoint, String method, String session, String body) {
        return request(endpoint, method, session, body, Map.of());
    }

    static HttpRequest post(URI endpoint, String session, String body) {
        return request(endpoint, "POST", session, body);
    }

    /** A POST outside any session with more headers, e.g. Authorization or Origin. */
    static HttpRequest post(URI endpoint, String body, Map<String, String> headers) {
        return request(endpoint, "POST", null, body, headers);
    }

    private static HttpRequest request(URI endpoint, String method, String session, String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        headers.forEach(request::header);
        return request.build();
    }

    /** A tools/call request with this id; the arguments as JSON text. */
    static String toolCall(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A plain GET, e.g. of /health or /metrics. */
    static HttpResponse<String> get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build());
    }

    /**
     * The status of a GET that may open an event stream (the legacy {@code /sse}): read as soon as the headers come,
     * without waiting for a body that may never end.
     */
    static int streamStatus(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    /**
     * The status of an initialize sent on a connection of its own with this Host header, and this Origin unless null
     * (java.net.http refuses to set Host, so it is HTTP/1.1 by hand).
     */
    static int statusWithHost(URI endpoint, String host, String origin) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            String request = "POST " + endpoint.getPath() + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Content-Length: " + INITIALIZE.length() + "\r\nConnection: close\r\n\r\n" + INITIALIZE;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("not an HTTP/1.1 status line: " + statusLine);
            }
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    /** Initializes a session, tells the server it is initialized, and returns its id. */
    static String initializedSession(URI endpoint) throws Exception {
        String session = initialize(endpoint);
        send(post(endpoint, session, INITIALIZED));
        return session;
    }

    /** Initializes a session and returns its id. */
    static String initialize(URI endpoint) throws Exception {
        return send(post(endpoint, null, INITIALIZE)).headers().firstValue("Mcp-Session-Id").orElseThrow();
    }
}
