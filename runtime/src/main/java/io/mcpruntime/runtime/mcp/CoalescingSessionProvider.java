package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;

/** A single-connection transport (stdio): list_changed notifications coalesced, the session counted. */
final class CoalescingSessionProvider extends CoalescingProvider<McpServerTransportProvider>
        implements McpServerTransportProvider {

    private final Runnable onSession;

    CoalescingSessionProvider(McpServerTransportProvider delegate, ListChangedCoalescer coalescer,
            Runnable onSession) {
        super(delegate, coalescer);
        this.onSession = onSession;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(transport -> {
            onSession.run();
            return sessionFactory.create(transport);
        });
    }
}
