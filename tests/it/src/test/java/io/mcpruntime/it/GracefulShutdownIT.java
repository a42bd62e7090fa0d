package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGTERM during a running call: the call completes, the process exits 0; over HTTP a new request gets 503 meanwhile,
 * in stdio mode the admin port's readiness says it drains.
 */
class GracefulShutdownIT {
    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void sigtermDrainsRunningCallsRefusesNewOnesAndExitsZero() throws Exception {
        RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path());
        try {
            URI endpoint = URI.create(runtime.endpoint());
            McpAsyncClient client = Clients.async(Clients.http(endpoint.toString()));
            CompletableFuture<McpSchema.CallToolResult> running = client.callTool(new McpSchema.CallToolRequest(
                    "example_countdown", Map.of("seconds", 3))).toFuture();
            Metrics.await(endpoint, "mcp_tool_calls_running", calls -> calls == 1, 10_000);

            runtime.terminate();
            Await.until(() -> RawHttp.get(endpoint.resolve("/health/ready")).statusCode(), status -> status == 503,
                    Duration.ofSeconds(10), "draining after SIGTERM");
            HttpResponse<String> refused = RawHttp.send(RawHttp.post(endpoint, null,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals(503, RawHttp.get(endpoint.resolve("/health/ready")).statusCode());

            assertEquals("Countdown of 3 s finished", Clients.text(running.get(10, TimeUnit.SECONDS)));
            assertEquals(0, runtime.awaitExit(Duration.ofSeconds(20)));
            assertNoErrorLogged(runtime);
        } finally {
            runtime.close();
        }
    }

    @Test
    void sigtermInStdioModeDrainsAnswersTheRunningCallAndExitsZero() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins.path(), "--admin-port", "0")) {
            URI admin = runtime.health();
            runtime.send(RawHttp.INITIALIZE, RawHttp.INITIALIZED,
                    RawHttp.toolCall(7, "example_countdown", "{\"seconds\":4}"));
            Metrics.await(admin, "mcp_tool_calls_running", calls -> calls == 1, 10_000);

            runtime.terminate();
            Await.until(() -> RawHttp.get(admin.resolve("/health/ready")).statusCode(), status -> status == 503,
                    Duration.ofSeconds(10), "draining after SIGTERM");
            assertEquals(0, runtime.awaitExit(Duration.ofSeconds(20)));
            String answer = runtime.stdout().stream().filter(line -> line.contains("\"id\":7")).findFirst()
                    .orElseThrow(() -> new AssertionError("the running call was not answered: " + runtime.stdout()));
            assertTrue(answer.contains("\"text\":\"Countdown of 4 s finished\""), answer);
            assertNoErrorLogged(runtime);
        }
    }

    @Test
    void whileDrainingOverHttpACancellationStillReachesARunningCall() throws Exception {
        RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(),
                Map.of("MCP_GRACEFUL_SHUTDOWN_TIMEOUT", "120"));
        try {
            URI endpoint = URI.create(runtime.endpoint());
            String session = RawHttp.initialize(endpoint);
            RawHttp.send(RawHttp.post(endpoint, session, RawHttp.INITIALIZED));
            HttpClient.newHttpClient().sendAsync(RawHttp.post(endpoint, session, RawHttp.toolCall(9,
                    "example_countdown", "{\"seconds\":120}")), HttpResponse.BodyHandlers.ofString());
            Metrics.await(endpoint, "mcp_tool_calls_running", calls -> calls == 1, 10_000);

            runtime.terminate();
            Await.until(() -> RawHttp.get(endpoint.resolve("/health/ready")).statusCode(), status -> status == 503,
                    Duration.ofSeconds(10), "draining after SIGTERM");
            assertEquals(503, RawHttp.send(RawHttp.post(endpoint, session, RawHttp.toolCall(10, "example_echo",
                    "{\"message\":\"late\"}"))).statusCode(), "a new request while draining");
            assertEquals(202, RawHttp.send(RawHttp.post(endpoint, session, "{\"jsonrpc\":\"2.0\",\"method\":"
                    + "\"notifications/cancelled\",\"params\":{\"requestId\":9}}")).statusCode());

            // only the cancellation lets the process end before the 120 s shutdown timeout
            assertEquals(0, runtime.awaitExit(Duration.ofSeconds(30)));
            assertNoErrorLogged(runtime);
        } finally {
            runtime.close();
        }
    }

    private static void assertNoErrorLogged(RuntimeProcess runtime) {
        assertTrue(runtime.stderr().stream().noneMatch(line -> line.contains(" ERROR ")), runtime.stderr()
                .toString());
    }
}
