package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Streamable HTTP session that tells {@link OpenSessions} when its client acts and when it ends. The SDK's servlet
 * ends a session itself (DELETE, its idle sweep, shutdown) and has no hook for it, but it ends it only through the
 * session object the factory returned: this one, which hands every call to the SDK's own session. Its superclass
 * state is never used; {@code TrackedStreamableSessionTest} checks that every public method is handed on.
 */
final class TrackedStreamableSession extends McpStreamableServerSession {
    private final McpStreamableServerSession session;
    private final OpenSessions sessions;

    TrackedStreamableSession(McpStreamableServerSession session, OpenSessions sessions) {
        super(session.getId(), null, null, Duration.ZERO, Map.of(), Map.of());
        this.session = session;
        this.sessions = sessions;
    }

    @Override
    public String getId() {
        return session.getId();
    }

    @Override
    public void setMinLoggingLevel(McpSchema.LoggingLevel minLoggingLevel) {
        session.setMinLoggingLevel(minLoggingLevel);
    }

    @Override
    public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel loggingLevel) {
        return session.isNotificationForLevelAllowed(loggingLevel);
    }

    @Override
    public <T> Mono<T> sendRequest(String method, Object requestParams, TypeRef<T> typeRef) {
        return session.sendRequest(method, requestParams, typeRef);
    }

    @Override
    public Mono<Void> sendNotification(String method, Object params) {
        return session.sendNotification(method, params);
    }

    @Override
    public boolean hasListeningStream() {
        return session.hasListeningStream();
    }

    @Override
    public boolean hasOpenStream() {
        return session.hasOpenStream();
    }

    @Override
    public McpStreamableServerSessionStream listeningStream(McpStreamableServerTransport transport) {
        sessions.active(getId());
        return session.listeningStream(transport);
    }

    @Override
    public void releaseListeningStream() {
        session.releaseListeningStream();
    }

    @Override
    public Flux<McpSchema.JSONRPCMessage> replay(Object lastEventId) {
        sessions.active(getId());
        return session.replay(lastEventId);
    }

    /** The stream a client's request is answered on. */
    @Override
    public McpStreamableServerSessionStream responseStream(McpStreamableServerTransport transport) {
        sessions.active(getId());
        return session.responseStream(transport);
    }

    @Override
    @SuppressWarnings("deprecation") // handed on all the same: the servlet may call either
    public Mono<Void> responseStream(McpSchema.JSONRPCRequest request, McpStreamableServerTransport transport) {
        sessions.active(getId());
        return session.responseStream(request, transport);
    }

    @Override
    public Mono<Void> accept(McpSchema.JSONRPCNotification notification) {
        sessions.active(getId());
        return session.accept(notification);
    }

    @Override
    public Mono<Void> accept(McpSchema.JSONRPCResponse response) {
        sessions.active(getId());
        return session.accept(response);
    }

    @Override
    public Mono<Void> delete() {
        return session.delete().doFinally(signal -> sessions.closed(getId()));
    }

    @Override
    public Mono<Void> closeGracefully() {
        return session.closeGracefully().doFinally(signal -> sessions.closed(getId()));
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            sessions.closed(getId());
        }
    }
}
