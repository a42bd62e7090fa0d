package io.mcpruntime.runtime.registry;

/**
 * The result of one tool call in the kernel's own terms (the MCP adapter turns it into the SDK's type).
 *
 * @param text the text content shown to the model
 * @param structured a JSON object (as maps and lists) for {@code structuredContent}, or {@code null}
 * @param error whether the call failed; the text then says why
 */
public record ToolOutcome(String text, Object structured, boolean error) {

    public static ToolOutcome text(String text) {
        return new ToolOutcome(text, null, false);
    }

    public static ToolOutcome failure(String message) {
        return new ToolOutcome(message, null, true);
    }
}
