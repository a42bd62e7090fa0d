package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.ToolException;
import io.mcpruntime.runtime.registry.InvalidArgumentException;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.registry.ToolOutcome;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs tool calls on the kernel's worker threads, never on a transport thread. Cancelling the returned Mono
 * (the client cancelled or went away) marks the call's context cancelled and interrupts its thread. Failures become
 * error results: a {@link ToolException} or a bad argument with its message, anything else with a generic one.
 */
public final class ToolCallRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCallRunner.class);

    private final ExecutorService workers;

    public ToolCallRunner(ExecutorService workers) {
        this.workers = workers;
    }

    Mono<McpSchema.CallToolResult> run(ToolDefinition tool, McpAsyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        return Mono.create(sink -> {
            ExchangeToolContext context = new ExchangeToolContext(exchange, request.progressToken(),
                    tool.owner().namespace());
            Future<?> work = workers.submit(() -> sink.success(toResult(invoke(tool, request, context))));
            sink.onCancel(() -> {
                context.cancel();
                work.cancel(true);
            });
        });
    }

    private static ToolOutcome invoke(ToolDefinition tool, McpSchema.CallToolRequest request,
            ExchangeToolContext context) {
        try {
            return tool.handler().invoke(request.arguments(), context);
        } catch (ToolException | InvalidArgumentException e) {
            return ToolOutcome.failure(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolOutcome.failure("Tool '" + tool.name() + "' was cancelled");
        } catch (Exception | LinkageError e) {
            LOG.error("Tool {} of plugin {} failed", tool.name(), tool.owner(), e);
            return ToolOutcome.failure("Tool '" + tool.name() + "' failed with an internal error");
        }
    }

    private static McpSchema.CallToolResult toResult(ToolOutcome outcome) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder()
                .addTextContent(outcome.text())
                .isError(outcome.error());
        if (outcome.structured() != null) {
            result.structuredContent(outcome.structured());
        }
        return result.build();
    }
}
