package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mcpruntime.testing.PromptResponse.Message;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Resources, resource templates and prompts, and the SDK client for what the helpers do not cover. */
class ResourcesAndPromptsTest {
    @RegisterExtension
    static final McpKit kit = McpKit.withPlugin(Fixtures.showcase());

    @Test
    void readsAResource() {
        assertEquals(List.of("showcase://logo", "showcase://readme"),
                kit.client().resourceUris().stream().sorted().toList());
        kit.client().readResource("showcase://readme").assertText("# Showcase").assertMimeType("text/markdown");
    }

    @Test
    void readsABinaryResource() {
        ResourceResponse logo = kit.client().readResource("showcase://logo").assertMimeType("image/png");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, logo.bytes());
        assertNull(logo.text());
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

    @Test
    void completesAPromptArgumentThroughTheSdkClient() {
        McpSchema.CompleteResult topics = kit.client().sdkClient().completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("showcase_haiku"),
                new McpSchema.CompleteRequest.CompleteArgument("topic", "r"))).block();
        assertEquals(List.of("rain", "rivers"), topics.completion().values());
    }
}
