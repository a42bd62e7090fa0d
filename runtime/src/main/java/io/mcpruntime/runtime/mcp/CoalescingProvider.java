package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A transport provider whose notifications pass through a {@link ListChangedCoalescer}; everything else goes to
 * the wrapped provider. Subclasses add the session factory of their kind of transport.
 */
abstract class CoalescingProvider<P extends McpServerTransportProviderBase> implements McpServerTransportProviderBase {
    protected final P delegate;
    private final ListChangedCoalescer coalescer;

    CoalescingProvider(P delegate, ListChangedCoalescer coalescer) {
        this.delegate = delegate;
        this.coalescer = coalescer;
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
