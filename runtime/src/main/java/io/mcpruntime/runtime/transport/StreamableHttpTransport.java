package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * MCP over HTTP on embedded Jetty 12: Streamable HTTP (the SDK's servlet at {@code /mcp}) and, for clients of the
 * 2024-11-05 protocol, the legacy SSE transport ({@code GET /sse}, {@code POST /message}), behind the kernel's
 * filters (Host/Origin guard, bearer token, 503 while not accepting, sanitized errors, JSON-RPC body handling), with
 * the operations endpoints beside them.
 */
public final class StreamableHttpTransport implements AutoCloseable {
    public static final String ENDPOINT = "/mcp";
    public static final String SSE_ENDPOINT = "/sse";
    public static final String MESSAGE_ENDPOINT = "/message";

    private final HttpServletStreamableServerTransportProvider provider;
    private final HttpServletSseServerTransportProvider legacySse;
    private final JettyHost host;

    /**
     * @param sessionIdleTimeout a session without an open stream for this long (up to twice that) is forgotten;
     *     its id then gets 404
     * @param legacySse whether to serve the legacy SSE endpoints
     */
    public StreamableHttpTransport(McpJsonMapper json, String bindHost, int port, Access access,
            RequestInterceptor interceptor, int maxBodyBytes, Map<String, OpsEndpoint> ops,
            BooleanSupplier accepting, Duration sessionIdleTimeout, boolean legacySse) {
        this.provider = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(ENDPOINT)
                .maxRequestSize(maxBodyBytes)
                .sessionSweepInterval(sessionIdleTimeout)
                .contextExtractor(request -> request.getAttribute(RequestIds.KEY) == null ? McpTransportContext.EMPTY
                        : RequestIds.context(request.getAttribute(RequestIds.KEY)))
                .build();
        this.legacySse = legacySse ? HttpServletSseServerTransportProvider.builder()
                .jsonMapper(json)
                .sseEndpoint(SSE_ENDPOINT)
                .messageEndpoint(MESSAGE_ENDPOINT)
                .maxRequestSize(maxBodyBytes)
                .build() : null;
        this.host = new JettyHost(bindHost, port, access, ops);
        List<String> paths = legacySse ? List.of(ENDPOINT, SSE_ENDPOINT, MESSAGE_ENDPOINT) : List.of(ENDPOINT);
        for (String path : paths) {
            if (access.bearerToken() != null) {
                host.addFilter(new BearerTokenFilter(access.bearerToken()), path);
            }
            host.addFilter(new DrainFilter(accepting), path);
            host.addFilter(new SanitizeErrorsFilter(), path);
        }
        host.addFilter(new JsonRpcBodyFilter(json, interceptor, maxBodyBytes), ENDPOINT);
        addServlet(provider, ENDPOINT);
        if (legacySse) {
            addServlet(this.legacySse, SSE_ENDPOINT, MESSAGE_ENDPOINT);
        }
    }

    private void addServlet(jakarta.servlet.Servlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        for (String path : paths) {
            host.context().addServlet(holder, path);
        }
    }

    public HttpServletStreamableServerTransportProvider provider() {
        return provider;
    }

    /** The legacy SSE transport, or empty when it is off. */
    public Optional<HttpServletSseServerTransportProvider> legacySseProvider() {
        return Optional.ofNullable(legacySse);
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
