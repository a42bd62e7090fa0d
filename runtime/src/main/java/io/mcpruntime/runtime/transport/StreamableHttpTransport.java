package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * Streamable HTTP on embedded Jetty 12: the SDK's servlet at {@code /mcp} behind the kernel's filters (Host/Origin
 * guard, bearer token, 503 while not accepting, JSON-RPC body handling), and the operations endpoints beside it.
 */
public final class StreamableHttpTransport implements AutoCloseable {
    public static final String ENDPOINT = "/mcp";

    private final HttpServletStreamableServerTransportProvider provider;
    private final JettyHost host;

    public StreamableHttpTransport(McpJsonMapper json, String bindHost, int port, Access access,
            RequestInterceptor interceptor, int maxBodyBytes, Map<String, OpsEndpoint> ops,
            BooleanSupplier accepting) {
        this.provider = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(ENDPOINT)
                .maxRequestSize(maxBodyBytes)
                .contextExtractor(request -> request.getAttribute(RequestIds.KEY) == null ? McpTransportContext.EMPTY
                        : RequestIds.context(request.getAttribute(RequestIds.KEY)))
                .build();
        this.host = new JettyHost(bindHost, port, access, ops);
        if (access.bearerToken() != null) {
            host.addFilter(new BearerTokenFilter(access.bearerToken()), ENDPOINT);
        }
        host.addFilter(new DrainFilter(accepting), ENDPOINT);
        host.addFilter(new JsonRpcBodyFilter(json, interceptor, maxBodyBytes), ENDPOINT);
        ServletHolder servlet = new ServletHolder("mcp", provider);
        servlet.setAsyncSupported(true);
        host.context().addServlet(servlet, ENDPOINT);
    }

    public HttpServletStreamableServerTransportProvider provider() {
        return provider;
    }

    public void start() throws Exception {
        host.start();
    }

    /** The URL clients connect to, with the port actually bound (useful with port 0). */
    public URI endpoint() {
        return host.uri(ENDPOINT);
    }

    @Override
    public void close() throws Exception {
        host.close();
    }
}
