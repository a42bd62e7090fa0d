package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Answers {@code ping} on stdio, before {@code initialize} as after (while draining, {@link DrainInterceptor} refuses
 * it first, as HTTP's 503 does). The spec allows it before initialize, where the SDK would hold it (every request
 * but initialize waits for the session's exchange), leaving a client that checks liveness first hanging. Not for
 * HTTP: there a ping must still prove its session id (404 for an expired one).
 */
public final class PingInterceptor implements RequestInterceptor {
    @Override
    public Mono<Object> intercept(String method, Object params, String sessionId) {
        return McpSchema.METHOD_PING.equals(method) ? Mono.just(Map.of()) : null;
    }
}
