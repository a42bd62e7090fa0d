package io.mcpruntime.runtime.transport;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Answers JSON-RPC messages that the kernel handles itself, in front of the SDK, on every transport: methods the
 * SDK cannot follow as plugins come and go (completion/complete), cannot do at all (notifications/cancelled over
 * HTTP) or does not know (server/discover).
 */
@FunctionalInterface
public interface RequestInterceptor {

    /**
     * The result of the request (or, for a notification, its handling), or {@code null} if the SDK should handle
     * it. A failed Mono with an {@code McpError} becomes a JSON-RPC error.
     *
     * @param sessionId the MCP session the message belongs to, or {@code null}
     */
    Mono<Object> intercept(String method, Object params, String sessionId);

    /** Told when a client deletes its session (HTTP {@code DELETE}). */
    default void sessionClosed(String sessionId) {
    }

    /**
     * The first interceptor that handles a message handles it. A plain loop: every message passes here (stdio's
     * requests twice, its transport's interceptors in front of the kernel's), a stream would be built for each.
     */
    static RequestInterceptor firstOf(List<RequestInterceptor> interceptors) {
        return new RequestInterceptor() {
            @Override
            public Mono<Object> intercept(String method, Object params, String sessionId) {
                for (RequestInterceptor interceptor : interceptors) {
                    Mono<Object> answer = interceptor.intercept(method, params, sessionId);
                    if (answer != null) {
                        return answer;
                    }
                }
                return null;
            }

            @Override
            public void sessionClosed(String sessionId) {
                interceptors.forEach(interceptor -> interceptor.sessionClosed(sessionId));
            }
        };
    }
}
