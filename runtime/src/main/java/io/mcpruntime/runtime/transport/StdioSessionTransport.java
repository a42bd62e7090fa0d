package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import reactor.core.publisher.Mono;

/**
 * The session side of the stdio transport: each outgoing message becomes one line on stdout. What the SDK sends
 * passes {@link ErrorGuard}; the transport's own answers ({@link #sendOwn}) have fixed texts and do not.
 */
final class StdioSessionTransport implements McpServerTransport {
    private final McpJsonMapper json;
    private final LineWriter out;

    StdioSessionTransport(McpJsonMapper json, LineWriter out) {
        this.json = json;
        this.out = out;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> sendOwn(ErrorGuard.guard(message)));
    }

    /** Writes a message of the kernel's own at once. */
    void sendOwn(McpSchema.JSONRPCMessage message) {
        try {
            out.writeLine(json.writeValueAsString(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }
}
