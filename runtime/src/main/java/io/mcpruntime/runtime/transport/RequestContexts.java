package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.mcpruntime.api.Caller;
import java.util.HashMap;
import java.util.Map;

/**
 * What a transport tells the code handling a request, through the SDK's transport context (the SDK hands tool
 * handlers nothing else): the request's JSON-RPC id, which cancellation needs, and over HTTP the container thread
 * that waits for the answer anyway, which may run a tool call itself instead of handing it to a worker, and
 * who the OAuth caller is.
 */
public final class RequestContexts {
    static final String ID = "mcp.requestId";
    private static final String WAITING_THREAD = "mcp.waitingThread";
    private static final String CALLER = "mcp.caller";

    private RequestContexts() {
    }

    /** A request whose answer nobody waits for on a thread (stdio: the reader thread must go on reading). */
    static McpTransportContext of(Object requestId) {
        return McpTransportContext.create(Map.of(ID, String.valueOf(requestId)));
    }

    /**
     * An HTTP request: with a JSON-RPC id, one whose answer the current thread waits for (the SDK's servlets block
     * on it); with a caller, one that {@link OAuthFilter} admitted.
     */
    static McpTransportContext ofHttp(Object requestId, Caller caller) {
        Map<String, Object> values = new HashMap<>();
        if (requestId != null) {
            values.put(ID, String.valueOf(requestId));
            values.put(WAITING_THREAD, Thread.currentThread());
        }
        if (caller != null) {
            values.put(CALLER, caller);
        }
        return values.isEmpty() ? McpTransportContext.EMPTY : McpTransportContext.create(values);
    }

    /** A call made by someone other than a client (the console's operator), on no transport. */
    public static McpTransportContext ofCaller(Caller caller) {
        return McpTransportContext.create(Map.of(CALLER, caller));
    }

    /** Who sent the request: the OAuth caller, or {@link Caller#ANONYMOUS} if nobody authenticated it. */
    public static Caller caller(McpTransportContext context) {
        return context != null && context.get(CALLER) instanceof Caller caller ? caller : Caller.ANONYMOUS;
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
