package io.mcpruntime.runtime.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the MCP SDK's ERROR line for a message it could not send because the client disconnected: a client leaving
 * is not an error (the seed server's ClosedResourceError noise). The kernel sees the same failure where it
 * happens, cancels the call and logs it at DEBUG. Installed on the appender by conf/logback.xml: an appender filter
 * sees only the events that are logged, where a turbo filter would run on every level check of the SDK and Reactor.
 */
public final class ClientGoneLogFilter extends Filter<ILoggingEvent> {
    private static final String SDK_TRANSPORT = "io.modelcontextprotocol.spec.McpTransport";
    private static final String SEND_FAILED = "Failed to send message to session";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String format = event.getMessage();
        return format != null && format.startsWith(SEND_FAILED) && SDK_TRANSPORT.equals(event.getLoggerName())
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
