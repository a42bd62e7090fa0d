package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty clients call through nginx while one of three kernels is stopped (SIGTERM: it drains) and another is killed
 * (SIGKILL): no stateless call is lost, also while the killed kernel comes back and the proxy takes it into rotation
 * again, and every stateful client goes on after initializing a new session, which only the live kernel can give.
 */
class ClusterFailoverIT {
    private static final int CLIENTS = 20;
    private static final Duration UNDER_LOAD = Duration.ofSeconds(2);
    /** nginx's fail_timeout (5 s) for a node that failed, then its first calls. */
    private static final Duration NODE_BACK = Duration.ofSeconds(30);
    private static final String ECHOED = "mcp_tool_calls_seconds_count{outcome=\"ok\",tool=\"example_echo\"}";
    private static final String SESSIONS_OPENED = "mcp_sessions_opened_total{transport=\"streamable-http\"}";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @TempDir
    Path run;

    @Test
    void noStatelessCallIsLostWhenOneNodeStopsAndAnotherIsKilled() throws Exception {
        try (Cluster cluster = Cluster.start(3, plugins.path(), run, "--stateless")) {
            URI proxy = URI.create(cluster.endpoint());
            AtomicBoolean calling = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            Queue<String> lost = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int call = 0; calling.get(); call++) {
                        String message = client + "-" + call;
                        String body = RawHttp.toolCall(call, "example_echo", "{\"message\":\"" + message + "\"}");
                        try {
                            HttpResponse<String> echoed = RawHttp.send(RawHttp.post(proxy, null, body));
                            if (echoed.statusCode() == 200 && echoed.body().contains("\"text\":\"" + message + "\"")) {
                                answered.incrementAndGet();
                            } else {
                                lost.add(message + ": " + echoed.statusCode() + " " + echoed.body());
                            }
                        } catch (Exception e) {
                            lost.add(message + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(UNDER_LOAD.toMillis());
            URI killedNode = URI.create(cluster.nodeEndpoint(2));
            stopOneAndKillAnother(cluster);
            int beforeLastNode = answered.get();
            Thread.sleep(UNDER_LOAD.toMillis());
            assertTrue(answered.get() > beforeLastNode, "the last node went on answering");
            try (RuntimeProcess back = RuntimeProcess.startHttp(killedNode.getPort(), plugins.path(),
                    Map.of("MCP_CDS", "off"), "--node-id", "n2", "--stateless")) {
                back.endpoint();
                // the proxy tries it again once its fail_timeout has passed, and it takes its share of the calls
                Metrics.await(killedNode, ECHOED, served -> served > 0, NODE_BACK.toMillis());
            } finally {
                calling.set(false);
                for (Future<?> client : clients) {
                    client.get(60, TimeUnit.SECONDS);
                }
                pool.shutdown();
            }

            assertEquals(List.of(), List.copyOf(lost),
                    "stateless calls lost while n1 stopped, n2 was killed and n2 came back");
            assertTrue(Metrics.value(URI.create(cluster.nodeEndpoint(3)), ECHOED) > 0);
        }
    }

    /** SIGTERM to n1 (it drains), SIGKILL to n2, and both gone. */
    private static void stopOneAndKillAnother(Cluster cluster) throws Exception {
        ProcessHandle stopped = cluster.node(1);
        ProcessHandle killed = cluster.node(2);
        stopped.destroy();
        killed.destroyForcibly();
        stopped.onExit().get(30, TimeUnit.SECONDS);
        killed.onExit().get(30, TimeUnit.SECONDS);
    }

    @Test
    void everyStatefulClientGoesOnInANewSessionOnALiveNode() throws Exception {
        try (Cluster cluster = Cluster.start(3, plugins.path(), run)) {
            URI survivor = URI.create(cluster.nodeEndpoint(3));
            List<McpSyncClient> clients = new ArrayList<>();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(Clients.sync(Clients.http(cluster.endpoint())));
                }
                for (McpSyncClient client : clients) {
                    assertEquals("before", Clients.text(Clients.call(client, "example_echo",
                            Map.of("message", "before"))));
                }
                int sessionsOnSurvivor = Metrics.value(survivor, SESSIONS_OPENED);

                stopOneAndKillAnother(cluster);

                for (int c = 0; c < CLIENTS; c++) {
                    try {
                        assertEquals("after", Clients.text(Clients.call(clients.get(c), "example_echo",
                                Map.of("message", "after"))));
                    } catch (RuntimeException sessionGone) {
                        // its node is gone: the proxy answered 404, and the client starts over in a new session
                        clients.get(c).closeGracefully();
                        clients.set(c, Clients.sync(Clients.http(cluster.endpoint())));
                        assertEquals("after", Clients.text(Clients.call(clients.get(c), "example_echo",
                                Map.of("message", "after"))), "client " + c + " in its new session");
                    }
                }
                int newSessions = Metrics.value(survivor, SESSIONS_OPENED) - sessionsOnSurvivor;
                assertTrue(newSessions >= 2 * CLIENTS / 3 - 1,
                        "the clients of n1 and n2 (about two thirds) now have sessions on n3: " + newSessions);
            } finally {
                clients.forEach(McpSyncClient::closeGracefully);
            }
        }
    }
}
