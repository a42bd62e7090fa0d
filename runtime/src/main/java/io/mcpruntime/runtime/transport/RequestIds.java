package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;

/**
 * Carries a request's JSON-RPC id to the code that handles it, through the SDK's transport context: the SDK does
 * not hand it to tool handlers, and cancellation needs it.
 */
public final class RequestIds {
    static final String KEY = "mcp.requestId";

    private RequestIds() {
    }

    static McpTransportContext context(Object requestId) {
        return McpTransportContext.create(Map.of(KEY, String.valueOf(requestId)));
    }

    /** The id of the request being handled, or {@code null} if the transport did not say. */
    public static String of(McpTransportContext context) {
        Object id = context == null ? null : context.get(KEY);
        return id == null ? null : id.toString();
    }
}
