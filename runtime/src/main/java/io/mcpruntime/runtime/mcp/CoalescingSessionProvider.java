package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;

/** A single-connection transport (stdio) whose list_changed notifications pass through a coalescer. */
final class CoalescingSessionProvider extends CoalescingProvider<McpServerTransportProvider>
        implements McpServerTransportProvider {

    CoalescingSessionProvider(McpServerTransportProvider delegate, ListChangedCoalescer coalescer) {
        super(delegate, coalescer);
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(sessionFactory);
    }
}
