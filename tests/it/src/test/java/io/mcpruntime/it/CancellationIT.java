package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** notifications/cancelled stops a running call within a second on both transports; deadlines end calls too. */
class CancellationIT {
    private static final String RUNNING = "mcp_tool_calls_running";
    private static final String COUNTDOWN = RawHttp.toolCall(77, "example_countdown", "{\"seconds\":30}");
    private static final String CANCEL = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
            + "{\"requestId\":77,\"reason\":\"user pressed stop\"}}";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void cancellingOverHttpEndsTheCallWithinASecondWithoutAResponse() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path())) {
            URI endpoint = URI.create(runtime.endpoint());
            HttpClient http = HttpClient.newHttpClient();
            String session = RawHttp.initialize(endpoint);
            RawHttp.send(RawHttp.post(endpoint, session, RawHttp.INITIALIZED));

            CompletableFuture<HttpResponse<String>> call = http.sendAsync(RawHttp.post(endpoint, session, COUNTDOWN),
                    HttpResponse.BodyHandlers.ofString());
            Metrics.await(endpoint, RUNNING, calls -> calls == 1, 10_000);
            long cancelledAt = System.nanoTime();
            assertEquals(202, RawHttp.send(RawHttp.post(endpoint, session, CANCEL)).statusCode());
            HttpResponse<String> ended = call.get(5, TimeUnit.SECONDS);
            long took = Duration.ofNanos(System.nanoTime() - cancelledAt).toMillis();

            assertTrue(took < 1000, "the call ended " + took + " ms after the cancellation");
            assertFalse(ended.body().contains("\"id\":77"), "no response for a cancelled request: " + ended.body());
        }
    }

    @Test
    void cancellingOverStdioEndsTheCallWithinASecondWithoutAResponse() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins.path(), "--admin-port", "0")) {
            URI admin = runtime.health();
            runtime.send(RawHttp.INITIALIZE, RawHttp.INITIALIZED, COUNTDOWN);
            Metrics.await(admin, RUNNING, calls -> calls == 1, 10_000);
            runtime.send(CANCEL);
            Metrics.await(admin, RUNNING, calls -> calls == 0, 1_000);
            runtime.send("{\"jsonrpc\":\"2.0\",\"id\":78,\"method\":\"ping\"}");
            runtime.awaitStdout(Pattern.compile("\"id\":78\\b"), Duration.ofSeconds(10));
            runtime.closeStdin();
            runtime.awaitExit(Duration.ofSeconds(20));

            List<String> lines = runtime.stdout();
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"id\":78")), "still answering: " + lines);
            assertFalse(lines.stream().anyMatch(l -> l.contains("\"id\":77")), "no response for 77: " + lines);
        }
    }

    @Test
    void aCallPastItsDeadlineIsCancelledAndReportedAsTimedOut() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), Map.of("MCP_REQUEST_TIMEOUT", "2"));
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            long start = System.nanoTime();
            McpSchema.CallToolResult result = Clients.call(client, "example_countdown", Map.of("seconds", 20));
            long took = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertTrue(result.isError());
            assertEquals("Tool 'example_countdown' timed out after 2 s and was cancelled", Clients.text(result));
            assertTrue(took < 6, "took " + took + " s");
        }
    }
}
