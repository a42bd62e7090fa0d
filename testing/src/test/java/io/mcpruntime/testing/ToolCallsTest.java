package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

class ToolCallsTest {
    @RegisterExtension
    static final McpKit kit = McpKit.withPlugin(Fixtures.showcase());

    @Test
    void listsOnlyThePluginsTools() {
        assertEquals(List.of("showcase_add", "showcase_ask", "showcase_askName", "showcase_fail", "showcase_steps"),
                kit.client().toolNames().stream().sorted().toList());
    }

    @Test
    void showsToolSchemas() {
        McpSchema.Tool add = kit.client().tools().stream().filter(tool -> tool.name().equals("showcase_add"))
                .findFirst().orElseThrow();
        assertEquals(Set.of("a", "b"), ((Map<?, ?>) add.inputSchema().get("properties")).keySet());
        assertEquals("Adds numbers.", add.description());
    }

    @Test
    void assertsStructuredContentAsJson() {
        ToolResponse sum = kit.client().callTool("showcase_add", Map.of("a", 2, "b", 3))
                .assertSuccess()
                .assertStructuredContent("{\"terms\": [2, 3], \"total\": 5.0}");
        assertEquals(Map.of("total", 5, "terms", List.of(2, 3)), sum.structuredContent());
        assertThrows(AssertionFailedError.class, () -> sum.assertStructuredContent("{\"total\": 6}"));
    }

    @Test
    void assertsErrorResultsAndTheirText() {
        ToolResponse failure = kit.client().callTool("showcase_fail").assertError().assertText("no luck today");
        assertThrows(AssertionFailedError.class, failure::assertSuccess);
    }

    @Test
    void badArgumentsAreErrorResultsNamingTheField() {
        kit.client().callTool("showcase_add", Map.of("a", "two", "b", 3)).assertError().assertTextContains("/a");
    }
}
