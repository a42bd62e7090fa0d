package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * memory_reindex over HTTP reports its progress batch by batch, and a notifications/cancelled stops it: the
 * re-index ends between two batches, answers nothing, and every entry is still found.
 */
class MemoryReindexCancelIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ENTRIES = 8_000; // 16 batches of 500
    private static final String RUNNING = "mcp_tool_calls_running";
    private static final String REINDEX = "{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"tools/call\",\"params\":{"
            + "\"name\":\"memory_reindex\",\"arguments\":{},\"_meta\":{\"progressToken\":\"reindex-1\"}}}";
    private static final String CANCEL = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
            + "{\"requestId\":77,\"reason\":\"user pressed stop\"}}";

    @Test
    void aCancelledReindexStopsBetweenBatchesAfterReportingProgress() throws Exception {
        Path plugins = Fixtures.memoryPlugins();
        try (RuntimeProcess server = RuntimeProcess.startHttp(plugins);
                McpSyncClient client = Clients.sync(Clients.http(server.endpoint()))) {
            fill(client);
            URI endpoint = URI.create(server.endpoint());
            String session = RawHttp.initialize(endpoint);
            RawHttp.send(RawHttp.post(endpoint, session, RawHttp.INITIALIZED));

            List<String> events = new ArrayList<>();
            CompletableFuture<Void> first = new CompletableFuture<>();
            CompletableFuture<HttpResponse<Void>> call = HttpClient.newHttpClient().sendAsync(
                    RawHttp.post(endpoint, session, REINDEX), HttpResponse.BodyHandlers.ofLines()).thenApply(answer -> {
                        answer.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                            synchronized (events) {
                                events.add(line);
                            }
                            if (line.contains("notifications/progress")) {
                                first.complete(null);
                            }
                        });
                        return null;
                    });
            first.get(60, TimeUnit.SECONDS);
            assertEquals(202, RawHttp.send(RawHttp.post(endpoint, session, CANCEL)).statusCode());
            Metrics.await(endpoint, RUNNING, calls -> calls == 0, 10_000);
            call.get(10, TimeUnit.SECONDS);

            List<String> seen;
            synchronized (events) {
                seen = List.copyOf(events);
            }
            assertTrue(seen.get(0).contains("re-indexed 500 of " + ENTRIES + " entries"), seen.get(0));
            List<String> progress = seen.stream().filter(e -> e.contains("notifications/progress")).toList();
            assertTrue(progress.size() < ENTRIES / 500, "stopped before the last batch: " + progress);
            assertFalse(seen.stream().anyMatch(e -> e.contains("\"id\":77")), "no answer to a cancelled call: " + seen);
            McpSchema.CallToolResult stats = Clients.call(client, "memory_stats", Map.of());
            assertEquals(ENTRIES, JSON.valueToTree(stats.structuredContent()).get("entries").asInt(),
                    "every entry is still there");
        }
    }

    private static void fill(McpSyncClient client) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<McpSchema.CallToolResult>> stores = IntStream.range(0, ENTRIES)
                    .mapToObj(n -> writers.submit(() -> Clients.call(client, "memory_store",
                            Map.of("text", "entry " + n + " about re-indexing", "tags", List.of("bulk")))))
                    .toList();
            for (Future<McpSchema.CallToolResult> store : stores) {
                assertFalse(Boolean.TRUE.equals(store.get(60, TimeUnit.SECONDS).isError()));
            }
        } finally {
            writers.shutdown();
        }
    }
}
