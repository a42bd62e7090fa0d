package io.mcpruntime.runtime.registry;

import java.util.List;

/**
 * Suggestions for one argument of a prompt ({@code target} is the prompt's full name) or one variable of a resource
 * template ({@code target} is the URI template).
 */
public record CompletionDefinition(Kind kind, String target, String argument, Completer completer, PluginId owner)
        implements Feature {

    @Override
    public String key() {
        return key(kind, target, argument);
    }

    public static String key(Kind kind, String target, String argument) {
        return "completion:" + kind + ":" + target + "#" + argument;
    }

    /** What is being completed. */
    public enum Kind { PROMPT, RESOURCE_TEMPLATE }

    /** Suggests values for the text typed so far, best first. */
    @FunctionalInterface
    public interface Completer {
        List<String> complete(String typed) throws Exception;
    }
}
