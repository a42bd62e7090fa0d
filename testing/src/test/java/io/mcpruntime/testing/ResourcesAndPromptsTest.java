package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpruntime.testing.PromptResponse.Message;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResourcesAndPromptsTest {
    @RegisterExtension
    static final McpKit kit = McpKit.withPlugin(Fixtures.showcase());

    @Test
    void readsAResource() {
        assertEquals(List.of("showcase://readme"), kit.client().resourceUris());
        kit.client().readResource("showcase://readme").assertText("# Showcase").assertMimeType("text/markdown");
    }

    @Test
    void readsAResourceFromATemplate() {
        assertEquals(List.of("showcase://notes/{name}"), kit.client().resourceTemplates());
        kit.client().readResource("showcase://notes/todo").assertText("note todo").assertMimeType("text/plain");
    }

    @Test
    void getsAPrompt() {
        assertEquals(List.of("showcase_haiku"), kit.client().promptNames());
        kit.client().getPrompt("showcase_haiku", Map.of("topic", "rain"))
                .assertMessages(new Message("user", "Write a haiku about rain"), new Message("assistant", "Gladly."));
    }
}
