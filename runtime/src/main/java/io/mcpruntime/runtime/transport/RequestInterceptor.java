package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Answers JSON-RPC messages that the kernel handles itself, in front of the SDK, on every transport: methods the
 * SDK cannot follow as plugins come and go (completion/complete), cannot do at all (notifications/cancelled over
 * HTTP) or does not know (server/discover, tasks); and what it adds to some of the SDK's answers, where the SDK's
 * types lack a field (the tasks capability, a tool's task support).
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

    /**
     * As {@link #intercept(String, Object, String)}, knowing the request's context: its id over stdio, its OAuth
     * caller over HTTP.
     */
    default Mono<Object> intercept(String method, Object params, String sessionId, McpTransportContext request) {
        return intercept(method, params, sessionId);
    }

    /** Whether the kernel adds to the SDK's answers to requests of this method. */
    default boolean amends(String method) {
        return false;
    }

    /** The SDK's answer to a request of this method (one JSON-RPC response, serialized) with the kernel's additions. */
    default String amend(String method, String answer) {
        return answer;
    }

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
                return intercept(method, params, sessionId, McpTransportContext.EMPTY);
            }

            @Override
            public Mono<Object> intercept(String method, Object params, String sessionId,
                    McpTransportContext request) {
                for (RequestInterceptor interceptor : interceptors) {
                    Mono<Object> answer = interceptor.intercept(method, params, sessionId, request);
                    if (answer != null) {
                        return answer;
                    }
                }
                return null;
            }

            @Override
            public boolean amends(String method) {
                for (RequestInterceptor interceptor : interceptors) {
                    if (interceptor.amends(method)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String amend(String method, String answer) {
                String amended = answer;
                for (RequestInterceptor interceptor : interceptors) {
                    amended = interceptor.amends(method) ? interceptor.amend(method, amended) : amended;
                }
                return amended;
            }

            @Override
            public void sessionClosed(String sessionId) {
                interceptors.forEach(interceptor -> interceptor.sessionClosed(sessionId));
            }
        };
    }
}
