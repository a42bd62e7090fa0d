package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Locale;

/** The result of a {@code prompts/get}: its messages. */
public final class PromptResponse {

    /** One message: {@code role} is "user" or "assistant"; {@code text} is null for non-text content. */
    public record Message(String role, String text) {
    }

    private final McpSchema.GetPromptResult result;

    PromptResponse(McpSchema.GetPromptResult result) {
        this.result = result;
    }

    public List<Message> messages() {
        return result.messages().stream()
                .map(m -> new Message(m.role().name().toLowerCase(Locale.ROOT), TextContents.text(m.content())))
                .toList();
    }

    /** The text of all messages, joined by new lines. */
    public String text() {
        return TextContents.join(result.messages().stream().map(McpSchema.PromptMessage::content).toList());
    }

    public McpSchema.GetPromptResult sdkResult() {
        return result;
    }

    public PromptResponse assertText(String expected) {
        assertEquals(expected, text(), "text of the prompt's messages");
        return this;
    }

    public PromptResponse assertMessages(Message... expected) {
        assertEquals(List.of(expected), messages(), "messages of the prompt");
        return this;
    }
}
