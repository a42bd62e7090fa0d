package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.ToolResult;
import io.mcpruntime.runtime.ops.KernelMetrics;
import io.mcpruntime.runtime.registry.Feature;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.registry.ToolInvoker;
import io.mcpruntime.runtime.transport.RequestIds;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Runs tool calls on the kernel's worker threads, never on a transport thread, each with a deadline, always on the
 * version of the tool served at that moment (a call that arrives while its plugin is replaced waits for the new
 * version). A call ends in
 * one of three ways: its result; a timeout (the work is cancelled, the client gets an error result saying so); or a
 * cancellation by the client ({@code notifications/cancelled}, its session deleted, a send to it failing, or the
 * transport going away), after which the work is interrupted and no response is sent.
 */
public final class ToolCallRunner {
    private final ExecutorService workers;
    private final ToolInvoker invoker;
    private final InFlightCalls inFlight;
    private final Duration clientRequestTimeout;
    private final Duration defaultTimeout;
    private final FeatureCatalog catalog;
    private final Duration swapGrace;
    private final KernelMetrics metrics;

    public ToolCallRunner(ExecutorService workers, ToolInvoker invoker, InFlightCalls inFlight,
            Duration clientRequestTimeout, Duration defaultTimeout, FeatureCatalog catalog, Duration swapGrace,
            KernelMetrics metrics) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.swapGrace = swapGrace;
        this.workers = workers;
        this.invoker = invoker;
        this.inFlight = inFlight;
        this.clientRequestTimeout = clientRequestTimeout;
        this.defaultTimeout = defaultTimeout;
    }

    /** A call on a session: the context talks to its client, and the client can cancel it. */
    Mono<McpSchema.CallToolResult> run(ToolDefinition tool, McpAsyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        return run(tool, request, cancelled -> new ExchangeToolContext(exchange, request.progressToken(),
                tool.owner().namespace(), clientRequestTimeout, cancelled),
                cancelled -> inFlight.register(exchange.sessionId(), RequestIds.of(exchange.transportContext()),
                        cancelled));
    }

    /**
     * A stateless call: no channel back to the client and no session to cancel it by (JSON-RPC ids are only unique
     * within a session); the deadline still holds.
     */
    Mono<McpSchema.CallToolResult> runDetached(ToolDefinition tool, McpSchema.CallToolRequest request) {
        return run(tool, request, cancelled -> new DetachedToolContext(tool.owner().namespace()),
                cancelled -> () -> { });
    }

    /**
     * @param contexts makes the call's context, given what to run when the client is found gone
     * @param registry registers the call's cancel action where the client can reach it; closed when it ends
     */
    private Mono<McpSchema.CallToolResult> run(ToolDefinition tool, McpSchema.CallToolRequest request,
            Function<Runnable, CancellableToolContext> contexts, Function<Runnable, AutoCloseable> registry) {
        // the version served now decides the deadline: an unchanged tool keeps the handler of an older version
        ToolDefinition served = catalog.find(tool.name()) instanceof ToolDefinition current ? current : tool;
        Duration deadline = served.timeout() != null ? served.timeout() : defaultTimeout;
        Mono<McpSchema.CallToolResult> call = Mono.create(sink -> {
            AtomicReference<Runnable> stopRef = new AtomicReference<>(() -> { });
            Runnable cancelled = () -> {
                sink.success(); // first: no response for a cancelled request, whatever the work returns
                stopRef.get().run();
            };
            CancellableToolContext context = contexts.apply(cancelled);
            Future<?> work = workers.submit(() -> {
                McpSchema.CallToolResult result = SdkContent.toResult(invokeCurrent(tool.name(), request.arguments(),
                        context));
                Thread.interrupted(); // an interrupt was meant for the tool; its answer is written from this thread
                sink.success(result);
            });
            Runnable stop = () -> {
                context.cancel();
                work.cancel(true);
            };
            stopRef.set(stop);
            AutoCloseable registration = registry.apply(cancelled);
            sink.onCancel(stop::run);
            sink.onDispose(() -> closeQuietly(registration));
        });
        long start = System.nanoTime();
        McpSchema.CallToolResult timedOut = SdkContent.toResult(ToolResult.error(
                "Tool '" + tool.name() + "' timed out after " + deadline.toSeconds() + " s and was cancelled"));
        return call.timeout(deadline, Mono.just(timedOut))
                .doOnSuccess(result -> metrics.callEnded(tool.name(), outcome(result, timedOut), since(start)))
                .doOnCancel(() -> metrics.callEnded(tool.name(), "cancelled", since(start)));
    }

    private static String outcome(McpSchema.CallToolResult result, McpSchema.CallToolResult timedOut) {
        if (result == null) {
            return "cancelled";
        }
        if (result == timedOut) {
            return "timeout";
        }
        return Boolean.TRUE.equals(result.isError()) ? "error" : "ok";
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Calls the version of the tool served now, waiting briefly for it if its plugin is being replaced. */
    private ToolResult invokeCurrent(String name, Map<String, Object> arguments, CancellableToolContext context) {
        try {
            Feature current = catalog.await(name, swapGrace);
            return current instanceof ToolDefinition tool ? invoker.invoke(tool, arguments, context)
                    : ToolResult.error("Tool '" + name + "' is no longer available: its plugin was removed");
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
