package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What becomes of a running tool call when its plugin is removed (it finishes first, within one drain timeout for
 * the whole plugin), when its HTTP session is deleted (it is cancelled), without sessions when its deadline passes
 * (it is cancelled and reported as timed out), and when it outlasts the shutdown timeout (it is cancelled and
 * answered as such, and the process exits 0 without an error).
 */
class RunningCallsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNNING = "mcp_tool_calls_running";
    private static final String EXAMPLE = "io.mcpruntime.example";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void aRemovedPluginFinishesItsRunningCallFirst() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path());
                McpSyncClient observer = Clients.sync(Clients.http(runtime.endpoint()))) {
            URI endpoint = URI.create(runtime.endpoint());
            McpAsyncClient caller = Clients.async(Clients.http(runtime.endpoint()));
            try {
                CompletableFuture<McpSchema.CallToolResult> running = countdown(caller, 5);
                Metrics.await(endpoint, RUNNING, calls -> calls == 1, 10_000);
                Files.delete(plugins.path().resolve("example.jar"));

                assertEquals("Countdown of 5 s finished", Clients.text(running.get(20, TimeUnit.SECONDS)));
                Instant finished = Instant.now();
                List<Instant> withdrawn = awaitWithdrawals(runtime, observer);
                assertTrue(withdrawn.get(0).isAfter(finished.minusSeconds(1)),
                        "the plugin left at " + withdrawn.get(0) + ", before its call finished at " + finished);
            } finally {
                caller.closeGracefully().block(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void aStuckCallHoldsUpItsPluginsRemovalForOneDrainTimeoutNotOnePerService() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), Map.of("MCP_PLUGIN_DRAIN_TIMEOUT", "2"));
                McpSyncClient observer = Clients.sync(Clients.http(runtime.endpoint()))) {
            URI endpoint = URI.create(runtime.endpoint());
            McpAsyncClient caller = Clients.async(Clients.http(runtime.endpoint()));
            try {
                countdown(caller, 60);
                Metrics.await(endpoint, RUNNING, calls -> calls == 1, 10_000);
                Instant deleted = Instant.now();
                Files.delete(plugins.path().resolve("example.jar"));

                List<Instant> withdrawn = awaitWithdrawals(runtime, observer);
                assertTrue(withdrawn.size() > 1, "the example plugin has several services: " + withdrawn);
                assertTrue(withdrawn.get(0).isAfter(deleted.plusSeconds(2)), "its call had 2 s to finish: deleted at "
                        + deleted + ", first service withdrawn at " + withdrawn.get(0));
                Duration spread = Duration.between(withdrawn.get(0), withdrawn.get(withdrawn.size() - 1));
                assertTrue(spread.compareTo(Duration.ofSeconds(2)) < 0,
                        "the services waited one after the other: " + withdrawn);
            } finally {
                caller.closeGracefully().block(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void deletingASessionCancelsItsRunningCall() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path())) {
            URI endpoint = URI.create(runtime.endpoint());
            String session = RawHttp.initialize(endpoint);
            RawHttp.send(RawHttp.post(endpoint, session, RawHttp.INITIALIZED));
            CompletableFuture<HttpResponse<String>> call = HttpClient.newHttpClient().sendAsync(
                    RawHttp.post(endpoint, session, countdownRequest(77, 30)), HttpResponse.BodyHandlers.ofString());
            Metrics.await(endpoint, RUNNING, calls -> calls == 1, 10_000);

            assertEquals(200, RawHttp.send(RawHttp.request(endpoint, "DELETE", session, null)).statusCode());
            Metrics.await(endpoint, RUNNING, calls -> calls == 0, 3_000);
            HttpResponse<String> ended = call.get(10, TimeUnit.SECONDS);
            assertFalse(ended.body().contains("\"id\":77"), "nobody is left to answer: " + ended.body());
            assertTrue(RawHttp.get(endpoint.resolve("/metrics")).body()
                    .contains("mcp_tool_calls_seconds_count{outcome=\"cancelled\",tool=\"example_countdown\"} 1"));
        }
    }

    @Test
    void withoutSessionsADeadlineStillEndsACall() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), Map.of("MCP_REQUEST_TIMEOUT", "2"),
                "--stateless")) {
            URI endpoint = URI.create(runtime.endpoint());
            long start = System.nanoTime();
            HttpResponse<String> answer = RawHttp.send(RawHttp.post(endpoint, null, countdownRequest(7, 20)));
            long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            JsonNode result = JSON.readTree(answer.body()).get("result");
            assertTrue(result.get("isError").asBoolean(), answer.body());
            assertEquals("Tool 'example_countdown' timed out after 2 s and was cancelled",
                    result.at("/content/0/text").asText());
            assertTrue(took < 6, "took " + took + " s");
            Metrics.await(endpoint, RUNNING, calls -> calls == 0, 3_000);
        }
    }

    @Test
    void aCallOutlastingTheShutdownTimeoutIsCancelledAndAnswered() throws Exception {
        RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), Map.of("MCP_GRACEFUL_SHUTDOWN_TIMEOUT", "2"));
        try {
            URI endpoint = URI.create(runtime.endpoint());
            McpAsyncClient caller = Clients.async(Clients.http(runtime.endpoint()));
            CompletableFuture<McpSchema.CallToolResult> running = countdown(caller, 60);
            Metrics.await(endpoint, RUNNING, calls -> calls == 1, 10_000);

            runtime.terminate();
            McpSchema.CallToolResult cancelled = running.get(10, TimeUnit.SECONDS);
            assertTrue(cancelled.isError());
            assertEquals("Tool 'example_countdown' was cancelled: the server is shutting down",
                    Clients.text(cancelled));
            assertEquals(0, runtime.awaitExit(Duration.ofSeconds(20)));
            assertEquals(List.of(), runtime.stderr().stream().filter(line -> line.contains(" ERROR ")).toList());
        } finally {
            runtime.close();
        }
    }

    private static CompletableFuture<McpSchema.CallToolResult> countdown(McpAsyncClient client, int seconds) {
        return client.callTool(new McpSchema.CallToolRequest("example_countdown", Map.of("seconds", seconds)))
                .toFuture();
    }

    private static String countdownRequest(int id, int seconds) {
        return RawHttp.toolCall(id, "example_countdown", "{\"seconds\":" + seconds + "}");
    }

    /** When each service of the example plugin was withdrawn, oldest first, once its jar is gone for good. */
    private static List<Instant> awaitWithdrawals(RuntimeProcess runtime, McpSyncClient client) throws Exception {
        runtime.awaitStderr(Pattern.compile("Plugin file example.jar removed"), Duration.ofSeconds(30));
        return Clients.audit(client).stream()
                .filter(entry -> "withdrawn".equals(entry.get("action")) && EXAMPLE.equals(entry.get("plugin")))
                .map(entry -> Instant.parse((String) entry.get("at")))
                .sorted()
                .toList();
    }
}
