package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * Answers {@code server/discover}, which clients of the 2026-07-28 protocol revision send first, with a JSON-RPC
 * error, so that they fall back to {@code initialize} (this SDK speaks the revisions up to 2025-11-25).
 */
public final class DiscoverInterceptor implements RequestInterceptor {
    static final String METHOD = "server/discover";

    @Override
    public Mono<Object> intercept(String method, Object params, String sessionId) {
        return METHOD.equals(method)
                ? Mono.error(McpError.builder(McpSchema.ErrorCodes.METHOD_NOT_FOUND)
                        .message("server/discover is not supported by this server; use initialize").build())
                : null;
    }
}
