package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.registry.Feature;
import io.mcpruntime.runtime.registry.PromptDefinition;
import io.mcpruntime.runtime.registry.ResourceDefinition;
import io.mcpruntime.runtime.registry.ResourceTemplateDefinition;
import io.mcpruntime.runtime.registry.ToolDefinition;
import java.util.function.Function;

/**
 * One thing to do per kind of feature an SDK server holds. Completions have no entry: the kernel answers them itself
 * ({@link CompletionInterceptor}), so no SDK server holds them.
 */
record ByKind<R>(Function<ToolDefinition, R> tool, Function<ResourceDefinition, R> resource,
        Function<ResourceTemplateDefinition, R> template, Function<PromptDefinition, R> prompt) {

    /** What the feature's kind gives, or {@code null} for a completion. */
    R apply(Feature feature) {
        if (feature instanceof ToolDefinition definition) {
            return tool.apply(definition);
        }
        if (feature instanceof ResourceDefinition definition) {
            return resource.apply(definition);
        }
        if (feature instanceof ResourceTemplateDefinition definition) {
            return template.apply(definition);
        }
        if (feature instanceof PromptDefinition definition) {
            return prompt.apply(definition);
        }
        return null;
    }
}
