package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The session side of the stdio transport: each outgoing message becomes one line on stdout. What the SDK sends
 * passes {@link ErrorGuard}, and its answers to the methods the kernel amends pass {@link RequestInterceptor#amend};
 * the transport's own answers ({@link #sendOwn}) have fixed texts and do not.
 */
final class StdioSessionTransport implements McpServerTransport {
    private final McpJsonMapper json;
    private final LineWriter out;
    private final RequestInterceptor interceptor;
    /** The methods of the requests whose answers the kernel amends, by request id, until answered. */
    private final Map<Object, String> amended = new ConcurrentHashMap<>();

    StdioSessionTransport(McpJsonMapper json, LineWriter out, RequestInterceptor interceptor) {
        this.json = json;
        this.out = out;
        this.interceptor = interceptor;
    }

    /** The SDK will answer this request: if the kernel amends such answers, this one is amended. */
    void expectAnswer(McpSchema.JSONRPCRequest request) {
        if (interceptor.amends(request.method())) {
            amended.put(request.id(), request.method());
        }
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            String method = message instanceof McpSchema.JSONRPCResponse response ? amended.remove(response.id())
                    : null;
            String line = write(ErrorGuard.guard(message));
            out.writeLine(method == null ? line : interceptor.amend(method, line));
        });
    }

    /** Writes a message of the kernel's own at once. */
    void sendOwn(McpSchema.JSONRPCMessage message) {
        out.writeLine(write(message));
    }

    private String write(McpSchema.JSONRPCMessage message) {
        try {
            return json.writeValueAsString(message);
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
