package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three kernels behind a real nginx with the shipped proxy/nginx.conf (bin/mcp-cluster): sessions stay on the
 * kernel that made them (Streamable HTTP by its session id's node prefix, legacy SSE by its message path), one drop
 * into the shared plugins folder reaches every session on every node, and stateless calls are spread over all nodes.
 */
class ClusterIT {
    private static final int NODES = 3;
    private static final String ECHO = RawHttp.toolCall(2, "example_echo", "{\"message\":\"pinned\"}");
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String OK_ECHOES = "mcp_tool_calls_seconds_count{outcome=\"ok\",tool=\"example_echo\"}";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @TempDir
    Path run;

    @Test
    void sessionsStayOnTheirNodeAndOneDropReachesEverySession() throws Exception {
        try (Cluster cluster = Cluster.start(NODES, plugins.path(), run)) {
            URI proxy = URI.create(cluster.endpoint());
            List<ListChangedRecorder> recorders = new ArrayList<>();
            List<McpSyncClient> clients = new ArrayList<>();
            try {
                // round-robin: two sessions on each node, each holding its GET stream through the proxy
                for (int i = 0; i < 2 * NODES; i++) {
                    ListChangedRecorder recorder = new ListChangedRecorder();
                    recorders.add(recorder);
                    clients.add(Clients.sync(Clients.http(cluster.endpoint()), recorder));
                }
                for (int node = 1; node <= NODES; node++) {
                    assertEquals(2, Metrics.value(URI.create(cluster.nodeEndpoint(node)),
                            "mcp_sessions_opened_total{transport=\"streamable-http\"}"), "sessions on n" + node);
                }

                // how soon is measured by the bench (docs/PERFORMANCE.md); here: every session hears of it
                Fixtures.drop("greeter.jar", plugins.path(), "greeter.jar");
                for (int i = 0; i < recorders.size(); i++) {
                    recorders.get(i).awaitCount(1, Duration.ofSeconds(20));
                    assertTrue(recorders.get(i).notices().get(0).tools().contains("greeter_hello"));
                    String hello = Clients.text(Clients.call(clients.get(i), "greeter_hello", Map.of("name", "Ann")));
                    assertTrue(hello.startsWith("Hello, Ann"), "client " + i + " calls the new tool: " + hello);
                }

                // a jar caught half copied is refused by every node, not served by some
                byte[] twenty = Files.readAllBytes(Fixtures.file("twenty.jar"));
                Files.write(plugins.path().resolve("late.jar"), Arrays.copyOf(twenty, twenty.length / 2));
                for (McpSyncClient client : clients) {
                    Await.until(() -> stateOf(client, "late.jar"), "REJECTED"::equals, Duration.ofSeconds(10),
                            "the half-copied jar refused");
                    assertFalse(Clients.pluginToolNames(client).contains("twenty_t01"), "nothing of it serves");
                }
            } finally {
                clients.forEach(McpSyncClient::closeGracefully);
            }

            // raw requests: the session id names its node, and every request of the session finds it there
            Set<String> nodes = new TreeSet<>();
            for (int i = 0; i < 2 * NODES; i++) {
                String session = RawHttp.initialize(proxy);
                assertTrue(session.matches("n[1-3]\\..+"), "a node-prefixed session id: " + session);
                nodes.add(session.substring(0, 2));
                assertEquals(202, RawHttp.send(RawHttp.post(proxy, session, INITIALIZED)).statusCode());
                for (int call = 0; call < NODES; call++) {
                    HttpResponse<String> echoed = RawHttp.send(RawHttp.post(proxy, session, ECHO));
                    assertEquals(200, echoed.statusCode(), "session " + session + ": " + echoed.body());
                    assertTrue(echoed.body().contains("\"text\":\"pinned\""), echoed.body());
                }
            }
            assertEquals(Set.of("n1", "n2", "n3"), nodes, "new sessions go round the nodes");
        }
    }

    /** The plugin file's state in mcp_plugins, or null while it is not listed yet. */
    private static Object stateOf(McpSyncClient client, String file) {
        try {
            return Clients.pluginStatus(client, file).get("state");
        } catch (AssertionError notListedYet) {
            return null;
        }
    }

    @Test
    void legacySseSessionsArePinnedByTheirMessagePath() throws Exception {
        try (Cluster cluster = Cluster.start(NODES, plugins.path(), run)) {
            List<McpSyncClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < NODES; i++) {
                    clients.add(Clients.sync(Clients.legacySse(cluster.endpoint(), Map.of())));
                }
                for (McpSyncClient client : clients) {
                    for (int call = 0; call < NODES; call++) {
                        assertEquals("over sse", Clients.text(Clients.call(client, "example_echo",
                                Map.of("message", "over sse"))));
                    }
                }
                for (int node = 1; node <= NODES; node++) {
                    assertEquals(NODES, Metrics.value(URI.create(cluster.nodeEndpoint(node)), OK_ECHOES),
                            "the calls of one legacy SSE session on n" + node);
                }
            } finally {
                clients.forEach(McpSyncClient::closeGracefully);
            }
        }
    }

    /** The memory plugin in the shared folder keeps an index per node: a Lucene index has only one writer. */
    @Test
    void statelessCallsAreSpreadOverEveryNode() throws Exception {
        Fixtures.drop("memory.jar", plugins.path(), "memory.jar");
        try (Cluster cluster = Cluster.start(NODES, plugins.path(), run, "--stateless")) {
            URI proxy = URI.create(cluster.endpoint());
            for (int i = 0; i < 10 * NODES; i++) {
                HttpResponse<String> echoed = RawHttp.send(RawHttp.post(proxy, null, ECHO));
                assertEquals(200, echoed.statusCode(), echoed.body());
                assertTrue(echoed.body().contains("\"text\":\"pinned\""), echoed.body());
            }
            for (int i = 0; i < NODES; i++) {
                HttpResponse<String> stored = RawHttp.send(RawHttp.post(proxy, null,
                        RawHttp.toolCall(3, "memory_store", "{\"text\":\"noted on every node\"}")));
                assertEquals(200, stored.statusCode(), stored.body());
                assertTrue(stored.body().contains("\"result\"") && !stored.body().contains("\"isError\":true"),
                        "memory_store on every node: " + stored.body());
            }
            for (int node = 1; node <= NODES; node++) {
                assertEquals(10, Metrics.value(URI.create(cluster.nodeEndpoint(node)), OK_ECHOES),
                        "stateless calls answered by n" + node);
            }
        }
    }
}
