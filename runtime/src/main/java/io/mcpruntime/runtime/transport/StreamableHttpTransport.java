package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Streamable HTTP on embedded Jetty 12: the SDK's servlet at {@code /mcp}. */
public final class StreamableHttpTransport implements AutoCloseable {
    public static final String ENDPOINT = "/mcp";

    private final HttpServletStreamableServerTransportProvider provider;
    private final Server jetty;
    private final ServerConnector connector;

    public StreamableHttpTransport(McpJsonMapper json, String host, int port) {
        this.provider = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(ENDPOINT)
                .build();
        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("mcp-http");
        this.jetty = new Server(threads);
        this.connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder servlet = new ServletHolder("mcp", provider);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, ENDPOINT);
        jetty.setHandler(context);
        jetty.setStopTimeout(5_000);
    }

    public HttpServletStreamableServerTransportProvider provider() {
        return provider;
    }

    public void start() throws Exception {
        jetty.start();
    }

    /** The URL clients connect to, with the port actually bound (useful with port 0). */
    public URI endpoint() {
        String host = connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + ENDPOINT);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
