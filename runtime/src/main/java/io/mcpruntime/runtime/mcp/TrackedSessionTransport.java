package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.transport.LegacyStreamEnds;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The transport of one stdio or legacy SSE session, telling {@link OpenSessions} what passes through it: the SDK's
 * session reads its {@code initialize} request through {@link #unmarshalFrom}, answers every request through
 * {@link #sendMessage} (the client counts as active when one is answered) and closes its transport when it ends.
 */
final class TrackedSessionTransport implements McpServerTransport {
    private final McpServerTransport transport;
    private final OpenSessions sessions;
    private volatile String id;
    private volatile McpSchema.Implementation clientInfo;

    TrackedSessionTransport(McpServerTransport transport, OpenSessions sessions) {
        this.transport = transport;
        this.sessions = sessions;
    }

    /**
     * The SDK made its session around this transport; no message has passed yet. A legacy SSE session also ends
     * with its event stream, which the SDK does not always close it for.
     */
    void opened(String sessionId, String transportName) {
        this.id = sessionId;
        sessions.opened(sessionId, transportName);
        LegacyStreamEnds.onEndOfStreamOpeningHere(() -> sessions.closed(sessionId));
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        T value = transport.unmarshalFrom(data, typeRef);
        if (value instanceof McpSchema.InitializeRequest initialize) {
            clientInfo = initialize.clientInfo();
        }
        return value;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCResponse response) {
            sessions.active(id);
            if (response.result() instanceof McpSchema.InitializeResult result) {
                sessions.initialized(id, client(clientInfo, result));
            }
        }
        return transport.sendMessage(message);
    }

    /** The client as it introduced itself, with the protocol version the server answered. */
    static OpenSessions.Client client(McpSchema.Implementation info, McpSchema.InitializeResult result) {
        return new OpenSessions.Client(info == null ? null : info.name(), info == null ? null : info.version(),
                result.protocolVersion());
    }

    @Override
    public Mono<Void> closeGracefully() {
        return transport.closeGracefully().doFinally(signal -> sessions.closed(id));
    }

    @Override
    public void close() {
        try {
            transport.close();
        } finally {
            sessions.closed(id);
        }
    }

    @Override
    public List<String> protocolVersions() {
        return transport.protocolVersions();
    }
}
