package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.common.McpTransportContext;
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
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
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

    /**
     * Who may talk to the server: Host and Origin header values accepted besides loopback ones ({@code *} accepts
     * any), and the bearer token every request must carry ({@code null}: none).
     */
    public record Access(List<String> hosts, List<String> origins, String bearerToken) {
    }

    public StreamableHttpTransport(McpJsonMapper json, String host, int port, Access access,
            RequestInterceptor interceptor, int maxBodyBytes) {
        this.provider = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(ENDPOINT)
                .maxRequestSize(maxBodyBytes)
                .contextExtractor(request -> request.getAttribute(RequestIds.KEY) == null ? McpTransportContext.EMPTY
                        : RequestIds.context(request.getAttribute(RequestIds.KEY)))
                .build();
        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("mcp-http");
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new HeaderGuardFilter(withBindHost(access.hosts(), host),
                access.origins())), "/*", EnumSet.of(DispatcherType.REQUEST));
        if (access.bearerToken() != null) {
            context.addFilter(new FilterHolder(new BearerTokenFilter(access.bearerToken())), ENDPOINT,
                    EnumSet.of(DispatcherType.REQUEST));
        }
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
