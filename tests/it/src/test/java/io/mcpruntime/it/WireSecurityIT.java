package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer token, Origin and Host checks on the HTTP transport. */
class WireSecurityIT {
    private static final String TOKEN = "s3cret-token";

    @TempDir
    Path plugins;

    @Test
    void aConfiguredTokenIsRequiredAndForeignOriginsAndHostsAreRefused() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_AUTH_TOKEN", TOKEN))) {
            URI endpoint = URI.create(runtime.endpoint());
            assertEquals(401, initialize(endpoint, Map.of()).statusCode());
            HttpResponse<String> wrong = initialize(endpoint, Map.of("Authorization", "Bearer guess"));
            assertEquals(401, wrong.statusCode());
            assertEquals("Bearer realm=\"mcp-runtime\"", wrong.headers().firstValue("WWW-Authenticate").orElse(""));
            assertFalse(wrong.headers().firstValue("Server").isPresent(), "no server version is advertised");

            HttpResponse<String> foreignOrigin = initialize(endpoint, Map.of("Authorization", "Bearer " + TOKEN,
                    "Origin", "http://evil.example.com"));
            assertEquals(403, foreignOrigin.statusCode());

            HttpResponse<String> local = initialize(endpoint, Map.of("Authorization", "Bearer " + TOKEN,
                    "Origin", "http://localhost:3000"));
            assertEquals(200, local.statusCode(), local.body());

            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                    .builder(endpoint.getScheme() + "://" + endpoint.getAuthority())
                    .endpoint(endpoint.getPath())
                    .jsonMapper(Clients.JSON)
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN))
                    .build();
            try (McpSyncClient client = McpClient.sync(transport).build()) {
                client.initialize();
                assertEquals("authorized", Clients.text(Clients.call(client, "example_echo",
                        Map.of("message", "authorized"))));
            }
        }
    }

    @Test
    void aForeignHostIsRefusedEvenWithoutOrigin() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins)) {
            URI endpoint = URI.create(runtime.endpoint());
            // java.net.http refuses to set Host, so speak HTTP/1.1 by hand
            try (java.net.Socket socket = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
                String request = "POST /mcp HTTP/1.1\r\nHost: evil.example.com\r\nContent-Type: application/json\r\n"
                        + "Accept: application/json, text/event-stream\r\nContent-Length: "
                        + RawHttp.INITIALIZE.length() + "\r\nConnection: close\r\n\r\n" + RawHttp.INITIALIZE;
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                String status = new String(socket.getInputStream().readNBytes(12),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertEquals("HTTP/1.1 421", status);
            }
        }
    }

    private static HttpResponse<String> initialize(URI endpoint, Map<String, String> headers) throws Exception {
        return RawHttp.send(RawHttp.post(endpoint, RawHttp.INITIALIZE, headers));
    }
}
