package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.LogLevel;
import io.mcpruntime.api.ToolContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The {@link ToolContext} of one call, backed by the SDK's exchange. Sends are bounded and never throw: a client
 * that went away only makes messages disappear.
 */
final class ExchangeToolContext implements ToolContext {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeToolContext.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final McpAsyncServerExchange exchange;
    private final Object progressToken;
    private final String loggerName;
    private volatile boolean cancelled;

    ExchangeToolContext(McpAsyncServerExchange exchange, Object progressToken, String loggerName) {
        this.exchange = exchange;
        this.progressToken = progressToken;
        this.loggerName = loggerName;
    }

    @Override
    public void log(LogLevel level, String message) {
        send(exchange.loggingNotification(new McpSchema.LoggingMessageNotification(
                McpSchema.LoggingLevel.valueOf(level.name()), loggerName, message)));
    }

    @Override
    public void progress(double progress, Double total, String message) {
        if (progressToken != null) {
            send(exchange.progressNotification(
                    new McpSchema.ProgressNotification(progressToken, progress, total, message)));
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    void cancel() {
        cancelled = true;
    }

    private void send(Mono<Void> notification) {
        if (cancelled) {
            return;
        }
        try {
            notification.block(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.debug("Dropped a notification for a call of {}: {}", loggerName, e.toString());
        }
    }
}
