package io.mcpruntime.runtime.transport;

import java.net.URI;
import java.util.Map;

/** The operations endpoints alone (health, metrics), for stdio mode, where there is no MCP HTTP server. */
public final class OpsHttpServer implements AutoCloseable {
    private final JettyHost host;

    public OpsHttpServer(String bindHost, int port, Access access, Map<String, OpsEndpoint> ops) {
        this.host = new JettyHost(bindHost, port, access, ops);
    }

    public void start() throws Exception {
        host.start();
    }

    public URI uri() {
        return host.uri("/health");
    }

    @Override
    public void close() throws Exception {
        host.close();
    }
}
