package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/** A Streamable HTTP transport whose list_changed notifications pass through a coalescer. */
final class CoalescingStreamableProvider extends CoalescingProvider<McpStreamableServerTransportProvider>
        implements McpStreamableServerTransportProvider {

    CoalescingStreamableProvider(McpStreamableServerTransportProvider delegate, ListChangedCoalescer coalescer) {
        super(delegate, coalescer);
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(sessionFactory);
    }
}
