package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/**
 * A Streamable HTTP transport: list_changed notifications coalesced, sessions counted as they start and tracked in
 * {@link OpenSessions} from the answered {@code initialize} until they end.
 */
final class CoalescingStreamableProvider extends CoalescingProvider<McpStreamableServerTransportProvider>
        implements McpStreamableServerTransportProvider {
    static final String TRANSPORT = "streamable-http";

    private final Runnable onSession;
    private final OpenSessions sessions;

    CoalescingStreamableProvider(McpStreamableServerTransportProvider delegate, ListChangedCoalescer coalescer,
            Runnable onSession, OpenSessions sessions) {
        super(delegate, coalescer);
        this.onSession = onSession;
        this.sessions = sessions;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(initialize -> {
            onSession.run();
            McpStreamableServerSession.McpStreamableServerSessionInit init = sessionFactory.startSession(initialize);
            String id = init.session().getId();
            sessions.opened(id, TRANSPORT);
            return new McpStreamableServerSession.McpStreamableServerSessionInit(
                    new TrackedStreamableSession(init.session(), sessions),
                    init.initResult().doOnNext(result -> sessions.initialized(id,
                            TrackedSessionTransport.client(initialize.clientInfo(), result))));
        });
    }
}
