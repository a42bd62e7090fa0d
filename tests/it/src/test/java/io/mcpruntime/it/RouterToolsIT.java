package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that never refreshes its tool list still reaches a tool deployed after it connected, through the
 * kernel's mcp_find_tools and mcp_call_tool.
 */
class RouterToolsIT {
    @TempDir
    Path plugins;

    @Test
    void aToolDeployedAfterConnectIsFoundAndCalledThroughTheRouter() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins);
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            List<String> listedAtConnect = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertEquals(List.of("mcp_audit", "mcp_call_tool", "mcp_find_tools", "mcp_plugins"),
                    listedAtConnect.stream().sorted().toList());

            Fixtures.drop("greeter.jar", plugins, "greeter.jar");
            Map<?, ?> found = awaitFound(client, "greets");
            assertEquals(1, found.get("total"));
            Map<?, ?> greeter = (Map<?, ?>) ((List<?>) found.get("tools")).get(0);
            assertEquals("greeter_hello", greeter.get("name"));
            assertTrue(((Map<?, ?>) ((Map<?, ?>) greeter.get("inputSchema")).get("properties")).containsKey("name"));

            McpSchema.CallToolResult viaRouter = Clients.call(client, "mcp_call_tool",
                    Map.of("name", "greeter_hello", "arguments", Map.of("name", "Ann")));
            assertEquals("Hello, Ann from greeter 1.0.0", Clients.text(viaRouter));
            McpSchema.CallToolResult stringified = Clients.call(client, "mcp_call_tool",
                    Map.of("name", "greeter_hello", "arguments", "{\"name\":\"Bo\"}"));
            assertEquals("Hello, Bo from greeter 1.0.0", Clients.text(stringified));
            McpSchema.CallToolResult unknown = Clients.call(client, "mcp_call_tool", Map.of("name", "nope_nothing"));
            assertTrue(unknown.isError());
            assertTrue(Clients.text(unknown).contains("mcp_find_tools"), Clients.text(unknown));
        }
    }

    private static Map<?, ?> awaitFound(McpSyncClient client, String query) throws Exception {
        return Await.until(() -> (Map<?, ?>) Clients.call(client, "mcp_find_tools", Map.of("query", query))
                .structuredContent(), found -> ((Number) found.get("total")).intValue() > 0, Duration.ofSeconds(10),
                "mcp_find_tools finding '" + query + "'");
    }
}
