package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session lifecycle on HTTP: idle sessions expire, deleted and expired ids get 404; the legacy SSE transport serves. */
class SessionsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"s\",\"version\":\"1\"}}}";
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";

    @TempDir
    Path plugins;

    @BeforeEach
    void examplePlugin() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
    }

    @Test
    void idleAndDeletedSessionsAreGoneWith404() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_SESSION_IDLE_TIMEOUT", "1"))) {
            URI endpoint = URI.create(runtime.endpoint());
            String idle = session(endpoint);
            assertEquals(200, send(endpoint, "POST", idle, PING).statusCode(), "a fresh session answers");
            Thread.sleep(3500);
            HttpResponse<String> expired = send(endpoint, "POST", idle, PING);
            assertEquals(404, expired.statusCode());
            assertFalse(expired.body().contains("Exception"), expired.body());

            String deleted = session(endpoint);
            assertEquals(200, send(endpoint, "DELETE", deleted, null).statusCode());
            assertEquals(404, send(endpoint, "POST", deleted, PING).statusCode());
        }
    }

    @Test
    void legacySseClientsAreServed() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins)) {
            URI endpoint = URI.create(runtime.endpoint());
            HttpClientSseClientTransport transport = HttpClientSseClientTransport
                    .builder(endpoint.getScheme() + "://" + endpoint.getAuthority())
                    .sseEndpoint("/sse")
                    .jsonMapper(Clients.JSON)
                    .build();
            try (McpSyncClient client = McpClient.sync(transport).build()) {
                assertEquals("2024-11-05", client.initialize().protocolVersion());
                assertTrue(Clients.pluginToolNames(client).contains("example_echo"));
                assertEquals("old but served", Clients.text(Clients.call(client, "example_echo",
                        Map.of("message", "old but served"))));
            }
        }
    }

    private static String session(URI endpoint) throws Exception {
        return send(endpoint, "POST", null, INITIALIZE).headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private static HttpResponse<String> send(URI endpoint, String method, String session, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
