package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.junit.jupiter.api.Test;

/**
 * memory.jar replaced by a new version while eight loops store and search without pause, so that some call of the
 * plugin is nearly always running: the new version serves while the load goes on, no call fails, and every
 * acknowledged store (before, during and after the swap) is found.
 */
class MemoryHotReplaceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOOPS = 8;
    /**
     * Without load a swap takes well under a second, under this load on a busy machine a few; an old version that
     * the load never lets drain would hold the swap up for the whole drain timeout.
     */
    private static final Duration SWAP = Duration.ofSeconds(20);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** How long calls wait for the new version: Lucene and SCR start it in seconds on a loaded machine. */
    private static final Duration SWAP_GRACE = Duration.ofSeconds(30);

    @Test
    void replacingTheJarUnderLoadFailsNoCallAndLosesNoAcknowledgedStore() throws Exception {
        Path plugins = Fixtures.memoryPlugins();
        Path scratch = Files.createTempDirectory("memory-next");
        try (RuntimeProcess server = RuntimeProcess.startHttp(plugins,
                "--plugin-drain-timeout", Long.toString(DRAIN_TIMEOUT.toSeconds()),
                "--swap-grace-ms", Long.toString(SWAP_GRACE.toMillis()));
                McpSyncClient client = Clients.sync(Clients.http(server.endpoint()))) {
            Load load = new Load(client);
            Await.until(load.acknowledged::size, n -> n >= 20, Duration.ofSeconds(30), "stores before the swap");

            // staged, then moved in, as a deployment does (FileInstall never sees a half-written jar)
            Path next = Fixtures.withBundleVersion("memory.jar", "0.2.0", scratch.resolve("memory.jar"));
            Files.move(next, plugins.resolve("memory.jar"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Await.until(() -> Clients.pluginStatus(client, "memory.jar").get("version"), "0.2.0"::equals, SWAP,
                    "memory.jar 0.2.0 serving while the load goes on");
            int atSwap = load.acknowledged.size();
            Await.until(load.acknowledged::size, n -> n >= atSwap + 20, Duration.ofSeconds(30),
                    "stores acknowledged by the new version");
            List<String> failures = load.stop();

            assertEquals(List.of(), failures, "no call failed during the swap");
            assertTrue(load.acknowledged.size() > atSwap, "stores went on after the replacement");
            for (String id : load.acknowledged) {
                JsonNode entry = answer(client, "memory_get", Map.of("id", id));
                assertEquals(id, entry.get("id").asText());
            }
            assertEquals(load.acknowledged.size(), answer(client, "memory_stats", Map.of()).get("entries").asInt(),
                    "every acknowledged store is in the index, and nothing else");
        }
    }

    private static JsonNode answer(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = Clients.call(client, tool, arguments);
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> tool + " failed: " + Clients.text(result));
        return JSON.valueToTree(result.structuredContent());
    }

    /** Store-and-search loops without pause; each failed call is recorded, each acknowledged store's id kept. */
    private static final class Load {
        final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(LOOPS);
        private final List<Future<?>> loops = new ArrayList<>();

        Load(McpSyncClient client) {
            for (int t = 0; t < LOOPS; t++) {
                int writer = t;
                loops.add(threads.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        McpSchema.CallToolResult stored = call(client, "memory_store",
                                Map.of("text", "note " + n + " of writer " + writer, "tags", List.of("swap")));
                        if (stored != null) {
                            acknowledged.add(JSON.valueToTree(stored.structuredContent()).get("id").asText());
                        }
                        call(client, "memory_search", Map.of("query", "note " + n));
                    }
                }));
            }
        }

        private McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
            try {
                McpSchema.CallToolResult result = Clients.call(client, tool, arguments);
                if (!Boolean.TRUE.equals(result.isError())) {
                    return result;
                }
                failures.add(tool + ": " + Clients.text(result));
            } catch (RuntimeException e) {
                failures.add(tool + ": " + e.getMessage());
            }
            return null;
        }

        /** Stops the loops; the failures seen. */
        List<String> stop() throws Exception {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
            for (Future<?> loop : loops) {
                loop.get();
            }
            return List.copyOf(failures);
        }
    }
}
