package io.mcpruntime.api;

import java.util.List;

/**
 * A request for an LLM completion from the client.
 *
 * @param messages the conversation so far
 * @param systemPrompt a system prompt, or {@code null}
 * @param maxTokens the most tokens to generate
 * @param temperature sampling temperature, or {@code null} for the client's choice
 * @param modelHints model names the server would prefer, most preferred first
 */
public record SamplingRequest(List<PromptMessage> messages, String systemPrompt, int maxTokens, Double temperature,
        List<String> modelHints) {

    public SamplingRequest {
        messages = List.copyOf(messages);
        modelHints = List.copyOf(modelHints);
    }

    /** One user message, nothing else specified. */
    public static SamplingRequest of(String userMessage, int maxTokens) {
        return new SamplingRequest(List.of(PromptMessage.user(userMessage)), null, maxTokens, null, List.of());
    }
}
