package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.registry.Feature;
import io.mcpruntime.runtime.registry.PromptDefinition;
import io.mcpruntime.runtime.registry.ResourceDefinition;
import io.mcpruntime.runtime.registry.ResourceTemplateDefinition;
import io.mcpruntime.runtime.registry.ToolDefinition;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * One server change per kind of feature. Completions have no entry: the kernel answers them itself
 * ({@link CompletionInterceptor}), so no SDK server holds them.
 */
record ByKind(Function<ToolDefinition, Mono<Void>> tool, Function<ResourceDefinition, Mono<Void>> resource,
        Function<ResourceTemplateDefinition, Mono<Void>> template, Function<PromptDefinition, Mono<Void>> prompt) {

    Mono<Void> apply(Feature feature) {
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
        return Mono.empty();
    }
}
