package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.ToolResult;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.registry.ToolInvoker;
import io.mcpruntime.runtime.transport.RequestIds;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import reactor.core.publisher.Mono;

/**
 * Runs tool calls on the kernel's worker threads, never on a transport thread, each with a deadline. A call ends in
 * one of three ways: its result; a timeout (the work is cancelled, the client gets an error result saying so); or a
 * cancellation by the client ({@code notifications/cancelled}, or the transport going away), after which the work
 * is interrupted and no response is sent.
 */
public final class ToolCallRunner {
    private final ExecutorService workers;
    private final ToolInvoker invoker;
    private final InFlightCalls inFlight;
    private final Duration clientRequestTimeout;
    private final Duration defaultTimeout;

    public ToolCallRunner(ExecutorService workers, ToolInvoker invoker, InFlightCalls inFlight,
            Duration clientRequestTimeout, Duration defaultTimeout) {
        this.workers = workers;
        this.invoker = invoker;
        this.inFlight = inFlight;
        this.clientRequestTimeout = clientRequestTimeout;
        this.defaultTimeout = defaultTimeout;
    }

    Mono<McpSchema.CallToolResult> run(ToolDefinition tool, McpAsyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        Duration deadline = tool.timeout() != null ? tool.timeout() : defaultTimeout;
        Mono<McpSchema.CallToolResult> call = Mono.create(sink -> {
            ExchangeToolContext context = new ExchangeToolContext(exchange, request.progressToken(),
                    tool.owner().namespace(), clientRequestTimeout);
            Future<?> work = workers.submit(() ->
                    sink.success(SdkContent.toResult(invoker.invoke(tool, request.arguments(), context))));
            Runnable stop = () -> {
                context.cancel();
                work.cancel(true);
            };
            AutoCloseable registration = inFlight.register(exchange.sessionId(),
                    RequestIds.of(exchange.transportContext()), () -> {
                        sink.success(); // first: no response for a cancelled request, whatever the work returns
                        stop.run();
                    });
            sink.onCancel(stop::run);
            sink.onDispose(() -> closeQuietly(registration));
        });
        return call.timeout(deadline, Mono.fromSupplier(() -> SdkContent.toResult(ToolResult.error(
                "Tool '" + tool.name() + "' timed out after " + deadline.toSeconds() + " s and was cancelled"))));
    }

    private static void closeQuietly(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
