package io.mcpruntime.runtime.transport;

import reactor.core.publisher.Mono;

/**
 * Answers JSON-RPC requests that the kernel serves itself, in front of the SDK, on every transport: methods whose
 * SDK handler cannot follow plugins that come and go (completion/complete).
 */
@FunctionalInterface
public interface RequestInterceptor {

    /** The result of the request, or {@code null} if the SDK should handle it. */
    Mono<Object> intercept(String method, Object params);

    RequestInterceptor NONE = (method, params) -> null;
}
