package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** memory.jar in the real runtime: an acknowledged store survives kill -9 of the server. */
class MemoryDurabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAcknowledgedStoreSurvivesKillNine() throws Exception {
        Path plugins = Fixtures.memoryPlugins();

        RuntimeProcess first = RuntimeProcess.startHttp(plugins);
        String id;
        try (McpSyncClient client = Clients.sync(Clients.http(first.endpoint()))) {
            id = answer(client, "memory_store", Map.of("text", "The deploy key rotates every 90 days",
                    "tags", List.of("ops"))).get("id").asText();
            first.kill();
        }

        RuntimeProcess second = RuntimeProcess.startHttp(plugins);
        try (McpSyncClient client = Clients.sync(Clients.http(second.endpoint()))) {
            JsonNode page = answer(client, "memory_search", Map.of("query", "deploy key"));
            assertEquals(1, page.get("hits").size(), page.toString());
            assertEquals(id, page.get("hits").get(0).get("id").asText());
        } finally {
            second.close();
        }
    }

    private static JsonNode answer(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = Clients.call(client, tool, arguments);
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> tool + " failed: " + Clients.text(result));
        return JSON.valueToTree(result.structuredContent());
    }
}
