package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer token, Origin and Host checks on the HTTP transports. */
class WireSecurityIT {
    private static final String TOKEN = "s3cret-token";
    private static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + TOKEN);

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

            assertEchoes(Clients.http(runtime.endpoint(), BEARER));
        }
    }

    @Test
    void theTokenGuardsTheLegacySseTransportToo() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_AUTH_TOKEN", TOKEN))) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            assertEquals(401, RawHttp.streamStatus(base.resolve("sse"), Map.of()));
            assertEquals(401, RawHttp.streamStatus(base.resolve("sse"), Map.of("Authorization", "Bearer guess")));
            assertEquals(401, RawHttp.send(RawHttp.post(base.resolve("message?sessionId=any"), RawHttp.INITIALIZE,
                    Map.of())).statusCode());
            assertEchoes(Clients.legacySse(runtime.endpoint(), BEARER));
        }
    }

    @Test
    void aForeignHostIsRefusedEvenWithoutOrigin() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins)) {
            URI endpoint = URI.create(runtime.endpoint());
            assertEquals(421, RawHttp.statusWithHost(endpoint, "evil.example.com", null));
        }
    }

    /** A client with the token is served: it initializes and its call is answered. */
    private static void assertEchoes(McpClientTransport transport) {
        try (McpSyncClient client = McpClient.sync(transport).build()) {
            client.initialize();
            assertEquals("authorized", Clients.text(Clients.call(client, "example_echo",
                    Map.of("message", "authorized"))));
        }
    }

    private static HttpResponse<String> initialize(URI endpoint, Map<String, String> headers) throws Exception {
        return RawHttp.send(RawHttp.post(endpoint, RawHttp.INITIALIZE, headers));
    }
}
