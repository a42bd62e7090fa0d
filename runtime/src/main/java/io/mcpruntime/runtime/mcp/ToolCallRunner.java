package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.registry.ToolInvoker;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import reactor.core.publisher.Mono;

/**
 * Runs tool calls on the kernel's worker threads, never on a transport thread. Cancelling the returned Mono
 * (the client cancelled or went away) marks the call's context cancelled and interrupts its thread.
 */
public final class ToolCallRunner {
    private final ExecutorService workers;
    private final ToolInvoker invoker;
    private final Duration clientRequestTimeout;

    public ToolCallRunner(ExecutorService workers, ToolInvoker invoker, Duration clientRequestTimeout) {
        this.workers = workers;
        this.invoker = invoker;
        this.clientRequestTimeout = clientRequestTimeout;
    }

    Mono<McpSchema.CallToolResult> run(ToolDefinition tool, McpAsyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        return Mono.create(sink -> {
            ExchangeToolContext context = new ExchangeToolContext(exchange, request.progressToken(),
                    tool.owner().namespace(), clientRequestTimeout);
            Future<?> work = workers.submit(() ->
                    sink.success(SdkContent.toResult(invoker.invoke(tool, request.arguments(), context))));
            sink.onCancel(() -> {
                context.cancel();
                work.cancel(true);
            });
        });
    }
}
