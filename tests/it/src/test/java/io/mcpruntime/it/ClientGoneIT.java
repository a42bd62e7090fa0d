package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that goes away in the middle of a call that keeps reporting progress and logging: the plugin's
 * context calls do not throw (the tool would fail with an error line), and the server keeps serving others.
 */
class ClientGoneIT {
    private static final String RUNNING = "mcp_tool_calls_running";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void contextCallsAfterTheClientLeftNeverReachThePluginAsErrors() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path())) {
            URI endpoint = URI.create(runtime.endpoint());
            McpAsyncClient leaving = Clients.async(Clients.http(endpoint.toString()));
            leaving.setLoggingLevel(McpSchema.LoggingLevel.DEBUG).block();
            leaving.callTool(new McpSchema.CallToolRequest("example_countdown", Map.of("seconds", 3),
                    Map.of("progressToken", "gone-1"))).subscribe(r -> { }, e -> { });
            Metrics.await(endpoint, RUNNING, calls -> calls == 1, 10_000);
            leaving.close(); // drops the connection while the countdown still reports progress

            // the countdown ends (or is stopped), sending into the void
            Metrics.await(endpoint, RUNNING, calls -> calls == 0, 10_000);
            try (McpSyncClient next = Clients.sync(Clients.http(endpoint.toString()))) {
                assertEquals("still serving", Clients.text(Clients.call(next, "example_echo",
                        Map.of("message", "still serving"))));
            }
            List<String> errors = runtime.stderr().stream().filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(List.of(), errors, "no error lines");
            assertTrue(runtime.isAlive());
        }
    }
}
