package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;

/**
 * A transport whose sessions the SDK makes around a transport of their own (stdio, legacy SSE): list_changed
 * notifications coalesced, each session counted and tracked in {@link OpenSessions}.
 */
final class CoalescingSessionProvider extends CoalescingProvider<McpServerTransportProvider>
        implements McpServerTransportProvider {

    private final Runnable onSession;
    private final OpenSessions sessions;
    private final String transportName;

    CoalescingSessionProvider(McpServerTransportProvider delegate, ListChangedCoalescer coalescer,
            Runnable onSession, OpenSessions sessions, String transportName) {
        super(delegate, coalescer);
        this.onSession = onSession;
        this.sessions = sessions;
        this.transportName = transportName;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(transport -> {
            onSession.run();
            TrackedSessionTransport tracked = new TrackedSessionTransport(transport, sessions);
            McpServerSession session = sessionFactory.create(tracked);
            tracked.opened(session.getId(), transportName);
            return session;
        });
    }
}
