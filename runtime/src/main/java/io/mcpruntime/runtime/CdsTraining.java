package io.mcpruntime.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The run that {@code bin/mcp-runtime-cds} records a class data sharing archive of: the server answers one client
 * session (initialize, tools/list, a call of the example plugin's echo tool, ping, end) from the JDK's HTTP client,
 * then shuts down as on SIGTERM, so that the archive the JVM writes at exit holds what a start and its first answers
 * load. Trained over HTTP, it serves stdio
 * starts too (measured in docs/PERFORMANCE.md: stdio has few classes of its own, HTTP has Jetty's).
 */
final class CdsTraining {
    private static final String PROTOCOL = "2025-06-18";

    private CdsTraining() {
    }

    static int run(HttpServer server) throws Exception {
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
            try {
                return server.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        served.whenComplete((code, failure) -> server.serving().completeExceptionally(failure != null ? failure
                : new IllegalStateException("The server ended before it served")));
        try {
            session(server.serving().get(60, TimeUnit.SECONDS));
        } finally {
            server.stop();
        }
        return served.get(60, TimeUnit.SECONDS);
    }

    private static void session(URI endpoint) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String session = send(client, request(endpoint, null).POST(body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                + "\"initialize\",\"params\":{\"protocolVersion\":\"" + PROTOCOL + "\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"mcp-runtime-cds\",\"version\":\"1\"}}}")))
                .headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IOException("no session id"));
        send(client, request(endpoint, session).POST(body("{\"jsonrpc\":\"2.0\",\"method\":"
                + "\"notifications/initialized\"}")));
        send(client, request(endpoint, session).POST(body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")));
        send(client, request(endpoint, session).POST(body("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"example_echo\",\"arguments\":{\"message\":\"training\"}}}")));
        send(client, request(endpoint, session).POST(body("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}")));
        send(client, request(endpoint, session).DELETE());
    }

    private static HttpRequest.Builder request(URI endpoint, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        return session == null ? request
                : request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", PROTOCOL);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.request().method() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }
}
