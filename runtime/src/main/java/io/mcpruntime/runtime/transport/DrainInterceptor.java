package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;

/**
 * Stdio's {@link DrainFilter}: while the runtime shuts down, new requests get a JSON-RPC error (the code HTTP's
 * 503 body carries); calls already running, responses to the server's own requests and notifications
 * ({@code notifications/cancelled}) are not touched. Unlike HTTP it does not refuse while starting: stdin is read
 * only once the kernel serves, and a client's first initialize must not be lost to that window.
 */
final class DrainInterceptor implements RequestInterceptor {
    private final BooleanSupplier shuttingDown;

    DrainInterceptor(BooleanSupplier shuttingDown) {
        this.shuttingDown = shuttingDown;
    }

    @Override
    public Mono<Object> intercept(String method, Object params, String sessionId) {
        return shuttingDown.getAsBoolean() ? Mono.error(DrainInterceptor::refusal) : null;
    }

    private static McpError refusal() {
        return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                .message("Server is shutting down: not accepting new requests").build();
    }
}
