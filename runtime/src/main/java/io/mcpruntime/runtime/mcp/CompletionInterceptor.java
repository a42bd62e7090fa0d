package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.registry.CompletionDefinition;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.transport.RequestInterceptor;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Serves {@code completion/complete} from the catalog. The SDK only knows completions fixed when the server is
 * built; plugins come and go, so the kernel answers this method itself. An argument nobody completes gets an empty
 * list, as the SDK would answer.
 */
public final class CompletionInterceptor implements RequestInterceptor {
    private static final McpSchema.CompleteResult NOTHING =
            new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FeatureCatalog catalog;
    private final McpJsonMapper json;
    private final SdkFeatures features;

    public CompletionInterceptor(FeatureCatalog catalog, McpJsonMapper json, SdkFeatures features) {
        this.catalog = catalog;
        this.json = json;
        this.features = features;
    }

    @Override
    public Mono<Object> intercept(String method, Object params, String sessionId) {
        if (!McpSchema.METHOD_COMPLETION_COMPLETE.equals(method)) {
            return null;
        }
        McpSchema.CompleteRequest request = parse(params);
        if (request == null) {
            return Mono.error(McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("completion/complete needs params.ref (ref/prompt or ref/resource) and params.argument "
                            + "(name, value)").build());
        }
        CompletionDefinition completion = find(request);
        if (completion == null) {
            return Mono.just(NOTHING);
        }
        String typed = request.argument().value() == null ? "" : request.argument().value();
        return features.<Object>onWorker("completion of " + completion.target(), () -> {
            List<String> values = completion.completer().complete(typed);
            return new McpSchema.CompleteResult(
                    new McpSchema.CompleteResult.CompleteCompletion(values, values.size(), false));
        }).timeout(TIMEOUT, Mono.error(McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR) // nor hold it forever
                .message("The completion took longer than " + TIMEOUT.toSeconds() + " s").build()));
    }

    private McpSchema.CompleteRequest parse(Object params) {
        try {
            McpSchema.CompleteRequest request = json.convertValue(params, new TypeRef<>() { });
            return request.ref() == null || request.argument() == null || request.argument().name() == null
                    ? null : request;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private CompletionDefinition find(McpSchema.CompleteRequest request) {
        if (request.ref() instanceof McpSchema.PromptReference prompt) {
            return catalog.completion(CompletionDefinition.Kind.PROMPT, prompt.name(), request.argument().name());
        }
        if (request.ref() instanceof McpSchema.ResourceReference resource) {
            return catalog.completion(CompletionDefinition.Kind.RESOURCE_TEMPLATE, resource.uri(),
                    request.argument().name());
        }
        return null;
    }
}
