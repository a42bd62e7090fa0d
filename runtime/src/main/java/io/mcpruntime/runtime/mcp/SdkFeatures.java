package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.PromptMessage;
import io.mcpruntime.api.ToolException;
import io.mcpruntime.runtime.ops.KernelMetrics;
import io.mcpruntime.runtime.registry.Feature;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.PromptDefinition;
import io.mcpruntime.runtime.registry.ResourceDefinition;
import io.mcpruntime.runtime.registry.ResourceTemplateDefinition;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Turns the registry's features into SDK specifications. Plugin code (resource readers, prompt renderers) runs on
 * the kernel's worker threads; its failures become JSON-RPC errors with the plugin's {@link ToolException} message
 * or a generic one, never a stack trace.
 */
public final class SdkFeatures {
    private static final Logger LOG = LoggerFactory.getLogger(SdkFeatures.class);

    private final ToolCallRunner runner;
    private final Scheduler workers;
    private final FeatureCatalog catalog;
    private final Duration swapGrace;
    private final KernelMetrics metrics;

    /** @param swapGrace how long a read waits for a feature whose plugin is being replaced */
    public SdkFeatures(ToolCallRunner runner, Scheduler workers, FeatureCatalog catalog, Duration swapGrace,
            KernelMetrics metrics) {
        this.runner = runner;
        this.metrics = metrics;
        this.workers = workers;
        this.catalog = catalog;
        this.swapGrace = swapGrace;
    }

    Duration swapGrace() {
        return swapGrace;
    }

    KernelMetrics metrics() {
        return metrics;
    }

    McpServerFeatures.AsyncToolSpecification tool(ToolDefinition tool) {
        McpSchema.Tool descriptor = McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(tool.inputSchema())
                .outputSchema(tool.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(null, tool.hints().readOnly(),
                        tool.hints().readOnly() ? null : tool.hints().destructive(), tool.hints().idempotent(),
                        tool.hints().openWorld(), null))
                .build();
        return new McpServerFeatures.AsyncToolSpecification(descriptor,
                (exchange, request) -> runner.run(tool, exchange, request));
    }

    McpServerFeatures.AsyncResourceSpecification resource(ResourceDefinition resource) {
        McpSchema.Resource descriptor = McpSchema.Resource.builder().uri(resource.uri()).name(resource.name())
                .description(resource.description()).mimeType(resource.mimeType()).build();
        return new McpServerFeatures.AsyncResourceSpecification(descriptor, (exchange, request) ->
                onWorker("resource " + resource.uri(), () -> new McpSchema.ReadResourceResult(
                        List.of(SdkContent.toSdk(current(resource).reader().call())))));
    }

    McpServerFeatures.AsyncResourceTemplateSpecification template(ResourceTemplateDefinition template) {
        McpSchema.ResourceTemplate descriptor = McpSchema.ResourceTemplate.builder()
                .uriTemplate(template.uriTemplate()).name(template.name()).description(template.description())
                .mimeType(template.mimeType()).build();
        DefaultMcpUriTemplateManager matcher = new DefaultMcpUriTemplateManager(template.uriTemplate());
        return new McpServerFeatures.AsyncResourceTemplateSpecification(descriptor, (exchange, request) ->
                onWorker("resource " + request.uri(), () -> new McpSchema.ReadResourceResult(List.of(SdkContent
                        .toSdk(current(template).reader().read(request.uri(),
                                matcher.extractVariableValues(request.uri())))))));
    }

    McpServerFeatures.AsyncPromptSpecification prompt(PromptDefinition prompt) {
        McpSchema.Prompt descriptor = new McpSchema.Prompt(prompt.name(), prompt.title(), prompt.description(),
                prompt.arguments().stream().map(a -> new McpSchema.PromptArgument(a.name(), a.description(),
                        a.required())).toList());
        return new McpServerFeatures.AsyncPromptSpecification(descriptor, (exchange, request) ->
                onWorker("prompt " + prompt.name(), () -> {
                    PromptDefinition served = current(prompt);
                    return new McpSchema.GetPromptResult(served.description(),
                            served.renderer().render(arguments(served, request.arguments())).stream()
                                    .map(SdkFeatures::toSdk).toList());
                }));
    }

    /** The version served now, waiting briefly while its plugin is being replaced. */
    @SuppressWarnings("unchecked")
    private <F extends Feature> F current(F listed) throws InterruptedException {
        Feature served = catalog.await(listed.key(), swapGrace);
        if (served == null || served.getClass() != listed.getClass()) {
            throw new ToolException(listed.key() + " is no longer available: its plugin was removed");
        }
        return (F) served;
    }

    private static Map<String, String> arguments(PromptDefinition prompt, Map<String, Object> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PromptDefinition.Argument argument : prompt.arguments()) {
            Object value = given == null ? null : given.get(argument.name());
            if (value == null && argument.required()) {
                throw new ToolException("Missing required argument '" + argument.name() + "' of prompt "
                        + prompt.name());
            }
            values.put(argument.name(), value == null ? null : String.valueOf(value));
        }
        return values;
    }

    private static McpSchema.PromptMessage toSdk(PromptMessage message) {
        return new McpSchema.PromptMessage(McpSchema.Role.valueOf(message.role().name()),
                SdkContent.toSdk(message.content()));
    }

    /** Runs plugin code on a worker; a failure becomes a JSON-RPC error the client can read. */
    <T> Mono<T> onWorker(String what, Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(workers).onErrorMap(e -> !(e instanceof McpError), e -> {
            if (e instanceof ToolException) {
                return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
            }
            LOG.error("Serving {} failed", what, e);
            return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message("Serving " + what
                    + " failed with an internal error").build();
        });
    }
}
