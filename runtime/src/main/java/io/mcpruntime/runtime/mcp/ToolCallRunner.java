package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.ToolResult;
import io.mcpruntime.runtime.ops.KernelMetrics;
import io.mcpruntime.runtime.registry.Feature;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.registry.ToolInvoker;
import io.mcpruntime.runtime.registry.ToolScopes;
import io.mcpruntime.runtime.transport.RequestContexts;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Runs tool calls, each under a deadline ({@link RunningCalls}), always on the version of the tool served at that
 * moment (a call that arrives while its plugin is replaced waits for the new version). A call runs on the thread
 * that waits for its answer when the transport says there is one (the SDK's HTTP servlets block a container thread
 * per request anyway: handing the call to another thread would only add a wake-up each way), otherwise on the
 * kernel's workers (stdio, whose reader thread must go on reading). How a call can end: see {@link RunningCall}.
 */
public final class ToolCallRunner {
    private final Executor workers;
    private final ToolInvoker invoker;
    private final InFlightCalls inFlight;
    private final RunningCalls running;
    private final Duration clientRequestTimeout;
    private final Duration defaultTimeout;
    private final FeatureCatalog catalog;
    private final KernelMetrics metrics;
    private final ToolScopes scopes;

    public ToolCallRunner(Executor workers, ToolInvoker invoker, InFlightCalls inFlight, RunningCalls running,
            Duration clientRequestTimeout, Duration defaultTimeout, FeatureCatalog catalog, KernelMetrics metrics,
            ToolScopes scopes) {
        this.scopes = scopes;
        this.workers = workers;
        this.invoker = invoker;
        this.inFlight = inFlight;
        this.running = running;
        this.clientRequestTimeout = clientRequestTimeout;
        this.defaultTimeout = defaultTimeout;
        this.catalog = catalog;
        this.metrics = metrics;
    }

    /** A call on a session: the context talks to its client, and the client can cancel it. */
    Mono<McpSchema.CallToolResult> run(ToolDefinition tool, McpAsyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        McpTransportContext transport = exchange.transportContext();
        return run(tool, request, transport, cancelled -> new ExchangeToolContext(exchange, request.progressToken(),
                tool.owner().namespace(), clientRequestTimeout, cancelled),
                call -> inFlight.register(exchange.sessionId(), RequestContexts.id(transport), call::cancel));
    }

    /**
     * A stateless call: no channel back to the client and no session to cancel it by (JSON-RPC ids are only unique
     * within a session); the deadline still holds.
     */
    Mono<McpSchema.CallToolResult> runDetached(ToolDefinition tool, McpSchema.CallToolRequest request,
            McpTransportContext transport) {
        return run(tool, request, transport, cancelled -> new DetachedToolContext(tool.owner().namespace(),
                        RequestContexts.caller(transport)),
                call -> () -> { });
    }

    /**
     * A call run as a task: on a worker, detached from the request that started it (which was answered with the
     * task at once), in the task's context; the deadline holds, and cancelling the task stops the call. Completes
     * empty when the task was cancelled.
     */
    Mono<McpSchema.CallToolResult> runTask(ToolDefinition tool, McpSchema.CallToolRequest request,
            McpTransportContext transport, ToolTask task, TaskToolContext context) {
        return run(tool, request, transport, cancelled -> context, call -> {
            task.stopWith(call::cancel);
            return () -> { };
        });
    }

    /** Why the caller may not call the tool (its token lacks a scope the tool needs), or null if it may. */
    McpError refusal(ToolDefinition tool, McpTransportContext transport) {
        ToolDefinition served = Objects.requireNonNullElse(catalog.tool(tool.name()), tool);
        return scopes.allows(RequestContexts.caller(transport), served) ? null
                : McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(scopes.refusal(served)).build();
    }

    /**
     * @param contexts makes the call's context, given what to run when the client is found gone
     * @param registry registers the call where the client can cancel it; closed when it ends
     */
    private Mono<McpSchema.CallToolResult> run(ToolDefinition tool, McpSchema.CallToolRequest request,
            McpTransportContext transport, Function<Runnable, CancellableToolContext> contexts,
            Function<RunningCall, AutoCloseable> registry) {
        // the version served now decides the deadline: an unchanged tool keeps the handler of an older version
        ToolDefinition served = Objects.requireNonNullElse(catalog.tool(tool.name()), tool);
        McpError refusal = refusal(served, transport);
        if (refusal != null) {
            return Mono.error(refusal);
        }
        Duration deadline = served.timeout() != null ? served.timeout() : defaultTimeout;
        return Mono.create(sink -> {
            RunningCall call = new RunningCall(tool.name(), deadline, sink, contexts, metrics);
            running.add(call);
            AutoCloseable registration = registry.apply(call);
            call.onEnd(() -> {
                running.remove(call);
                closeQuietly(registration);
            });
            sink.onCancel(call::cancel);
            Runnable work = () -> call.execute(() -> SdkContent.toResult(invokeCurrent(tool.name(),
                    request.arguments(), call.context())));
            if (RequestContexts.waitedForHere(transport)) {
                work.run();
            } else {
                workers.execute(work);
            }
        });
    }

    /**
     * Calls the version of the tool served now, waiting briefly for it if its plugin is being replaced. Its scopes
     * are checked again: the version that takes over may ask for more than the one the call was admitted by.
     */
    private ToolResult invokeCurrent(String name, Map<String, Object> arguments, CancellableToolContext context) {
        try {
            Feature current = catalog.await(name);
            if (!(current instanceof ToolDefinition tool)) {
                return ToolResult.error("Tool '" + name + "' is no longer available: its plugin was removed");
            }
            return scopes.allows(context.caller(), tool) ? invoker.invoke(tool, arguments, context)
                    : ToolResult.error(scopes.refusal(tool));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("Tool '" + name + "' was cancelled");
        }
    }

    private static void closeQuietly(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
