package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/** A Streamable HTTP transport: list_changed notifications coalesced, sessions counted as they start. */
final class CoalescingStreamableProvider extends CoalescingProvider<McpStreamableServerTransportProvider>
        implements McpStreamableServerTransportProvider {

    private final Runnable onSession;

    CoalescingStreamableProvider(McpStreamableServerTransportProvider delegate, ListChangedCoalescer coalescer,
            Runnable onSession) {
        super(delegate, coalescer);
        this.onSession = onSession;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(initialize -> {
            onSession.run();
            return sessionFactory.startSession(initialize);
        });
    }
}
