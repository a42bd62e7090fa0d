package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.PromptMessage;
import java.util.List;
import java.util.Map;

/** A prompt template: its (namespaced) name, arguments, and how it renders messages from argument values. */
public record PromptDefinition(String name, String title, String description, List<Argument> arguments,
        Renderer renderer, PluginId owner) implements Feature {

    public PromptDefinition {
        arguments = List.copyOf(arguments);
    }

    @Override
    public String key() {
        return "prompt:" + name;
    }

    /** One argument of the prompt. */
    public record Argument(String name, String description, boolean required) {
    }

    /** Renders the prompt; arguments arrive as strings, as MCP sends them. */
    @FunctionalInterface
    public interface Renderer {
        List<PromptMessage> render(Map<String, String> arguments) throws Exception;
    }
}
