package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;

/**
 * What a transport tells the code handling a request, through the SDK's transport context (the SDK hands tool
 * handlers nothing else): the request's JSON-RPC id, which cancellation needs, and over HTTP the container thread
 * that waits for the answer anyway, which may run a tool call itself instead of handing it to a worker.
 */
public final class RequestContexts {
    static final String ID = "mcp.requestId";
    private static final String WAITING_THREAD = "mcp.waitingThread";

    private RequestContexts() {
    }

    /** A request whose answer nobody waits for on a thread (stdio: the reader thread must go on reading). */
    static McpTransportContext of(Object requestId) {
        return McpTransportContext.create(Map.of(ID, String.valueOf(requestId)));
    }

    /** A request whose answer the current thread waits for (the SDK's servlets block on it). */
    static McpTransportContext waitedForHere(Object requestId) {
        return McpTransportContext.create(Map.of(ID, String.valueOf(requestId), WAITING_THREAD,
                Thread.currentThread()));
    }

    /** The id of the request being handled, or {@code null} if the transport did not say. */
    public static String id(McpTransportContext context) {
        Object id = context == null ? null : context.get(ID);
        return id == null ? null : id.toString();
    }

    /** Whether the current thread is the one waiting for this request's answer, so it may do the work itself. */
    public static boolean waitedForHere(McpTransportContext context) {
        return context != null && context.get(WAITING_THREAD) == Thread.currentThread();
    }
}
