package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import reactor.core.publisher.Mono;

/** A single-connection transport (stdio) whose list_changed notifications pass through a coalescer. */
final class CoalescingSessionProvider implements McpServerTransportProvider {
    private final McpServerTransportProvider delegate;
    private final ListChangedCoalescer coalescer;

    CoalescingSessionProvider(McpServerTransportProvider delegate, ListChangedCoalescer coalescer) {
        this.delegate = delegate;
        this.coalescer = coalescer;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
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
