package io.mcpruntime.api;

/** One message of a prompt or a sampling conversation. */
public record PromptMessage(Role role, Content content) {

    public static PromptMessage user(String text) {
        return new PromptMessage(Role.USER, Content.text(text));
    }

    public static PromptMessage assistant(String text) {
        return new PromptMessage(Role.ASSISTANT, Content.text(text));
    }

    /** Who speaks. */
    public enum Role { USER, ASSISTANT }
}
