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
import io.mcpruntime.runtime.registry.ToolScopes;
import io.mcpruntime.runtime.transport.RequestContexts;
import io.modelcontextprotocol.server.McpAsyncListFilter;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
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
    private static final ByKind<Object> DESCRIPTORS = new ByKind<>(SdkFeatures::descriptor, SdkFeatures::descriptor,
            SdkFeatures::descriptor, SdkFeatures::descriptor);

    private final ToolCallRunner runner;
    private final Scheduler workers;
    private final FeatureCatalog catalog;
    private final KernelMetrics metrics;
    private final ToolScopes scopes;

    public SdkFeatures(ToolCallRunner runner, Scheduler workers, FeatureCatalog catalog, KernelMetrics metrics,
            ToolScopes scopes) {
        this.runner = runner;
        this.scopes = scopes;
        this.metrics = metrics;
        this.workers = workers;
        this.catalog = catalog;
    }

    KernelMetrics metrics() {
        return metrics;
    }

    /** Lists a tool only to callers whose token grants the scopes it needs (the call is refused alike). */
    McpAsyncListFilter<McpSchema.Tool> toolFilter() {
        return McpAsyncListFilter.fromSync((transport, tool) -> {
            ToolDefinition served = catalog.tool(tool.name());
            return served == null || scopes.allows(RequestContexts.caller(transport), served);
        }, true);
    }

    McpServerFeatures.AsyncToolSpecification tool(ToolDefinition tool) {
        return new McpServerFeatures.AsyncToolSpecification(descriptor(tool),
                (exchange, request) -> runner.run(tool, exchange, request));
    }

    McpStatelessServerFeatures.AsyncToolSpecification statelessTool(ToolDefinition tool) {
        return new McpStatelessServerFeatures.AsyncToolSpecification(descriptor(tool),
                (transportContext, request) -> runner.runDetached(tool, request, transportContext));
    }

    McpServerFeatures.AsyncResourceSpecification resource(ResourceDefinition resource) {
        return new McpServerFeatures.AsyncResourceSpecification(descriptor(resource),
                (exchange, request) -> read(resource));
    }

    McpStatelessServerFeatures.AsyncResourceSpecification statelessResource(ResourceDefinition resource) {
        return new McpStatelessServerFeatures.AsyncResourceSpecification(descriptor(resource),
                (transportContext, request) -> read(resource));
    }

    McpServerFeatures.AsyncResourceTemplateSpecification template(ResourceTemplateDefinition template) {
        DefaultMcpUriTemplateManager matcher = new DefaultMcpUriTemplateManager(template.uriTemplate());
        return new McpServerFeatures.AsyncResourceTemplateSpecification(descriptor(template),
                (exchange, request) -> read(template, matcher, request));
    }

    McpStatelessServerFeatures.AsyncResourceTemplateSpecification statelessTemplate(
            ResourceTemplateDefinition template) {
        DefaultMcpUriTemplateManager matcher = new DefaultMcpUriTemplateManager(template.uriTemplate());
        return new McpStatelessServerFeatures.AsyncResourceTemplateSpecification(descriptor(template),
                (transportContext, request) -> read(template, matcher, request));
    }

    McpServerFeatures.AsyncPromptSpecification prompt(PromptDefinition prompt) {
        return new McpServerFeatures.AsyncPromptSpecification(descriptor(prompt),
                (exchange, request) -> render(prompt, request));
    }

    McpStatelessServerFeatures.AsyncPromptSpecification statelessPrompt(PromptDefinition prompt) {
        return new McpStatelessServerFeatures.AsyncPromptSpecification(descriptor(prompt),
                (transportContext, request) -> render(prompt, request));
    }

    /** What clients see of a feature (an SDK record: equal when nothing visible changed), or null for completions. */
    static Object descriptorOf(Feature feature) {
        return DESCRIPTORS.apply(feature);
    }

    private static McpSchema.Tool descriptor(ToolDefinition tool) {
        return McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(tool.inputSchema())
                .outputSchema(tool.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(null, tool.hints().readOnly(),
                        tool.hints().readOnly() ? null : tool.hints().destructive(), tool.hints().idempotent(),
                        tool.hints().openWorld(), null))
                .build();
    }

    private static McpSchema.Resource descriptor(ResourceDefinition resource) {
        return McpSchema.Resource.builder().uri(resource.uri()).name(resource.name())
                .description(resource.description()).mimeType(resource.mimeType()).build();
    }

    private static McpSchema.ResourceTemplate descriptor(ResourceTemplateDefinition template) {
        return McpSchema.ResourceTemplate.builder().uriTemplate(template.uriTemplate()).name(template.name())
                .description(template.description()).mimeType(template.mimeType()).build();
    }

    private static McpSchema.Prompt descriptor(PromptDefinition prompt) {
        return new McpSchema.Prompt(prompt.name(), prompt.title(), prompt.description(),
                prompt.arguments().stream().map(a -> new McpSchema.PromptArgument(a.name(), a.description(),
                        a.required())).toList());
    }

    private Mono<McpSchema.ReadResourceResult> read(ResourceDefinition resource) {
        return onWorker("resource " + resource.uri(), () -> new McpSchema.ReadResourceResult(
                List.of(SdkContent.toSdk(current(resource).reader().call()))));
    }

    private Mono<McpSchema.ReadResourceResult> read(ResourceTemplateDefinition template,
            DefaultMcpUriTemplateManager matcher, McpSchema.ReadResourceRequest request) {
        return onWorker("resource " + request.uri(), () -> new McpSchema.ReadResourceResult(List.of(SdkContent
                .toSdk(current(template).reader().read(request.uri(), matcher.extractVariableValues(request.uri()))))));
    }

    private Mono<McpSchema.GetPromptResult> render(PromptDefinition prompt, McpSchema.GetPromptRequest request) {
        return onWorker("prompt " + prompt.name(), () -> {
            PromptDefinition served = current(prompt);
            return new McpSchema.GetPromptResult(served.description(),
                    served.renderer().render(arguments(served, request.arguments())).stream()
                            .map(SdkFeatures::toSdk).toList());
        });
    }

    /** The version served now, waiting briefly while its plugin is being replaced. */
    @SuppressWarnings("unchecked")
    private <F extends Feature> F current(F listed) throws InterruptedException {
        Feature served = catalog.await(listed.key());
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
