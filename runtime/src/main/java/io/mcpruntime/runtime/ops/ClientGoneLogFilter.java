package io.mcpruntime.runtime.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the MCP SDK's ERROR line for a message it could not send because the client disconnected: a client leaving
 * is not an error (the seed server's ClosedResourceError noise). The kernel sees the same failure where it
 * happens, cancels the call and logs it at DEBUG. Installed by conf/logback.xml.
 */
public final class ClientGoneLogFilter extends TurboFilter {
    private static final String SDK_TRANSPORT = "io.modelcontextprotocol.spec.McpTransport";
    private static final String SEND_FAILED = "Failed to send message to session";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        return format != null && format.startsWith(SEND_FAILED) && SDK_TRANSPORT.equals(logger.getName())
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
