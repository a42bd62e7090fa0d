package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Session lifecycle on HTTP: idle sessions expire, deleted and expired ids get 404; the legacy SSE transport serves
 * unless {@code --no-legacy-sse} turns it off.
 */
class SessionsIT {
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(4);
    /** Long enough for two sweeps after a request, with room for a late one. */
    private static final Duration QUIET = IDLE_TIMEOUT.multipliedBy(2).plusSeconds(2);

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void idleAndDeletedSessionsAreGoneWith404() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), Map.of("MCP_SESSION_IDLE_TIMEOUT",
                Long.toString(IDLE_TIMEOUT.toSeconds())))) {
            URI endpoint = URI.create(runtime.endpoint());
            String idle = RawHttp.initialize(endpoint);
            assertEquals(200, RawHttp.send(RawHttp.request(endpoint, "POST", idle, PING)).statusCode(),
                    "a fresh session answers");
            // a session is forgotten at the second sweep (one per idle timeout) without a request in it; a loaded
            // machine may delay the sweeps, and a request that comes too early marks the session active again
            Thread.sleep(QUIET.toMillis());
            HttpResponse<String> expired = RawHttp.send(RawHttp.request(endpoint, "POST", idle, PING));
            for (int retry = 0; retry < 2 && expired.statusCode() != 404; retry++) {
                Thread.sleep(QUIET.toMillis());
                expired = RawHttp.send(RawHttp.request(endpoint, "POST", idle, PING));
            }
            assertEquals(404, expired.statusCode());
            assertFalse(expired.body().contains("Exception"), expired.body());

            String deleted = RawHttp.initialize(endpoint);
            assertEquals(200, RawHttp.send(RawHttp.request(endpoint, "DELETE", deleted, null)).statusCode());
            assertEquals(404, RawHttp.send(RawHttp.request(endpoint, "POST", deleted, PING)).statusCode());
        }
    }

    @Test
    void legacySseClientsAreServed() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path());
                McpSyncClient client = McpClient.sync(Clients.legacySse(runtime.endpoint(), Map.of())).build()) {
            assertEquals("2024-11-05", client.initialize().protocolVersion());
            assertTrue(Clients.pluginToolNames(client).contains("example_echo"));
            assertEquals("old but served", Clients.text(Clients.call(client, "example_echo",
                    Map.of("message", "old but served"))));
        }
    }

    @Test
    void withoutLegacySseItsEndpointsAre404AndStreamableHttpServes() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--no-legacy-sse")) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            assertEquals(404, RawHttp.streamStatus(base.resolve("sse"), Map.of()));
            // served, /message without a session id would be a 400 (and an unknown one a 404)
            assertEquals(404, RawHttp.send(RawHttp.post(base.resolve("message"), null, RawHttp.INITIALIZE))
                    .statusCode());
            try (McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
                assertTrue(Clients.pluginToolNames(client).contains("example_echo"));
            }
        }
    }
}
