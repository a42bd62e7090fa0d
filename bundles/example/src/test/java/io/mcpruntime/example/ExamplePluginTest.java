package io.mcpruntime.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpruntime.testing.McpKit;
import io.mcpruntime.testing.McpTestClient;
import io.mcpruntime.testing.PluginJar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example plugin in a real kernel, in-process; the process tests (tests/it) cover it on the wire. */
class ExamplePluginTest {
    @RegisterExtension
    static final McpKit kit = McpKit.withPlugin(PluginJar.fromClasses());

    @Test
    void servesEveryKindOfFeature() {
        McpTestClient client = kit.client();
        assertEquals(List.of("example_ask_llm", "example_confirm", "example_countdown", "example_echo",
                "example_media", "example_random", "example_search", "example_stats", "example_whoami"),
                client.toolNames().stream().sorted().toList());
        assertEquals(List.of("example://notes/{name}"), client.resourceTemplates());
        assertEquals(List.of("example_summarize"), client.promptNames());
    }

    @Test
    void returnsTextStructuredContentAndErrors() {
        McpTestClient client = kit.client();
        client.callTool("example_echo", Map.of("message", "hi")).assertText("hi");
        client.callTool("example_stats", Map.of("values", List.of(1, 2, 3)))
                .assertStructuredContent("{\"count\": 3, \"min\": 1, \"max\": 3, \"mean\": 2}");
        client.callTool("example_random", Map.of("min", 5, "max", 1)).assertError()
                .assertText("min must not be greater than max");
    }

    @Test
    void drawsRandomNumbersUpToTheLargestLong() {
        McpTestClient client = kit.client();
        long drawn = Long.parseLong(client.callTool("example_random", Map.of("min", 0, "max", Long.MAX_VALUE))
                .assertSuccess().text());
        assertTrue(drawn >= 0, "drawn " + drawn);
        client.callTool("example_random", Map.of("min", Long.MIN_VALUE, "max", Long.MAX_VALUE)).assertSuccess();
        client.callTool("example_random", Map.of("min", Long.MAX_VALUE, "max", Long.MAX_VALUE))
                .assertText(Long.toString(Long.MAX_VALUE));
    }

    @Test
    void asksTheClientsModelAndUser() {
        McpTestClient client = kit.client().answerSampling("Paris").answerElicitation(Map.of("confirm", true));
        client.callTool("example_ask_llm", Map.of("question", "Capital of France?"))
                .assertText("The client's model (mcp-kit) says: Paris");
        client.callTool("example_confirm", Map.of("action", "deploy")).assertText("Confirmed: deploy");
    }

    @Test
    void readsResourcesAndPrompts() {
        McpTestClient client = kit.client();
        client.readResource("example://readme").assertMimeType("text/markdown");
        client.getPrompt("example_summarize", Map.of("text", "MCP.", "style", "haiku"))
                .assertText("Summarize the following text as haiku:\n\nMCP.");
    }
}
