package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM during a running call: the call completes, a new request gets 503, the process exits 0. */
class GracefulShutdownIT {
    @TempDir
    Path plugins;

    @Test
    void sigtermDrainsRunningCallsRefusesNewOnesAndExitsZero() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        RuntimeProcess runtime = RuntimeProcess.startHttp(plugins);
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
            assertTrue(runtime.stderr().stream().noneMatch(line -> line.contains(" ERROR ")), runtime.stderr()
                    .toString());
        } finally {
            runtime.close();
        }
    }
}
