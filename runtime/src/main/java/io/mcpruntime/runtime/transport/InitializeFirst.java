package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Refuses, at once, the requests a stdio client sends before {@code initialize}: the SDK would hold them until the
 * session is initialized, so a client that got the order wrong would hang. The gate opens when the initialize
 * request arrives, in stdin order (the reader consults it line by line), not when the SDK has answered it: a client
 * that pipelines requests right behind its initialize is served as before. One per session.
 */
final class InitializeFirst implements RequestInterceptor {
    /**
     * What may come before initialize: initialize itself, ping (the spec allows it at any time) and server/discover
     * (the probe of 2026-07-28 clients, answered by {@link DiscoverInterceptor} so they fall back to initialize).
     */
    private static final Set<String> BEFORE_INITIALIZE =
            Set.of(McpSchema.METHOD_INITIALIZE, McpSchema.METHOD_PING, DiscoverInterceptor.METHOD);

    /**
     * -32600 Invalid Request: the spec defines no "not initialized" code, and JSON-RPC's own code for a request the
     * server will not process is the one clients understand. Not -32002: LSP's ServerNotInitialized, but MCP uses
     * it for "resource not found". (The TypeScript SDK's HTTP transport answers -32000, a server-defined code.)
     */
    private static McpError notInitialized() {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
                .message("Server not initialized: send initialize first").build();
    }

    private volatile boolean initializeArrived;

    @Override
    public Mono<Object> intercept(String method, Object params, String sessionId) {
        if (McpSchema.METHOD_INITIALIZE.equals(method)) {
            initializeArrived = true;
        }
        return initializeArrived || BEFORE_INITIALIZE.contains(method) ? null
                : Mono.error(InitializeFirst::notInitialized);
    }

    /** Whether initialize has arrived; until then notifications are not for the SDK, which would hold them too. */
    boolean initializeArrived() {
        return initializeArrived;
    }
}
