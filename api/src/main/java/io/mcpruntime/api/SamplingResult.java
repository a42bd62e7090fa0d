package io.mcpruntime.api;

/** The client's LLM completion: its content, the model that produced it and why it stopped. */
public record SamplingResult(Content content, String model, String stopReason) {

    /** The text of the completion, or {@code null} if it is not text. */
    public String text() {
        return content instanceof Content.Text text ? text.text() : null;
    }
}
