package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;
import reactor.core.publisher.Mono;

/** A Streamable HTTP transport whose list_changed notifications pass through a coalescer. */
final class CoalescingStreamableProvider implements McpStreamableServerTransportProvider {
    private final McpStreamableServerTransportProvider delegate;
    private final ListChangedCoalescer coalescer;

    CoalescingStreamableProvider(McpStreamableServerTransportProvider delegate, ListChangedCoalescer coalescer) {
        this.delegate = delegate;
        this.coalescer = coalescer;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(sessionFactory);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return coalescer.notifyClients(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }
}
