package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Streamable HTTP on embedded Jetty 12: the SDK's servlet at {@code /mcp}, behind the kernel's filters (Host/Origin
 * guard, then the requests the kernel answers itself).
 */
public final class StreamableHttpTransport implements AutoCloseable {
    public static final String ENDPOINT = "/mcp";

    private final HttpServletStreamableServerTransportProvider provider;
    private final Server jetty;
    private final ServerConnector connector;

    /** Which Host and Origin header values are accepted besides loopback ones; {@code *} accepts any. */
    public record AllowedPeers(List<String> hosts, List<String> origins) {
    }

    public StreamableHttpTransport(McpJsonMapper json, String host, int port, AllowedPeers peers,
            RequestInterceptor interceptor, int maxBodyBytes) {
        this.provider = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(ENDPOINT)
                .maxRequestSize(maxBodyBytes)
                .build();
        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("mcp-http");
        this.jetty = new Server(threads);
        this.connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new HeaderGuardFilter(withBindHost(peers.hosts(), host), peers.origins())),
                "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new JsonRpcBodyFilter(json, interceptor, maxBodyBytes)), ENDPOINT,
                EnumSet.of(DispatcherType.REQUEST));
        context.setErrorHandler(new JsonErrorHandler());
        jetty.setErrorHandler(new JsonErrorHandler());
        ServletHolder servlet = new ServletHolder("mcp", provider);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, ENDPOINT);
        jetty.setHandler(context);
        jetty.setStopTimeout(5_000);
    }

    /** A server bound to a specific non-loopback address is reached under that name too. */
    private static List<String> withBindHost(List<String> hosts, String bindHost) {
        boolean wildcard = bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.isEmpty();
        return wildcard ? hosts : Stream.concat(hosts.stream(), Stream.of(bindHost)).toList();
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
