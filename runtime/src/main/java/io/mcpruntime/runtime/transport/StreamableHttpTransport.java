package io.mcpruntime.runtime.transport;

import io.mcpruntime.api.Caller;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * MCP over HTTP on embedded Jetty 12: Streamable HTTP (the SDK's servlet at {@code /mcp}, with sessions or
 * stateless) and, for clients of the 2024-11-05 protocol, the legacy SSE transport ({@code GET /sse},
 * {@code POST /message}), behind the kernel's
 * filters (Host/Origin guard, bearer token, 503 while not accepting, sanitized errors, JSON-RPC body handling), with
 * the operations endpoints beside them.
 */
public final class StreamableHttpTransport implements AutoCloseable {
    public static final String ENDPOINT = "/mcp";
    public static final String SSE_ENDPOINT = "/sse";
    public static final String MESSAGE_ENDPOINT = "/message";
    /**
     * With a node id, legacy SSE clients post to {@code /node/<id>/message} (announced in the stream's endpoint
     * event), so a proxy routes a session's messages by path; the session id itself comes from the SDK unchanged.
     */
    public static final String NODE_PATH = "/node/";

    private final HttpServletStreamableServerTransportProvider sessions;
    private final HttpServletStatelessServerTransport stateless;
    private final HttpServletSseServerTransportProvider legacySse;
    private final JettyHost host;
    /** The one auth check of every MCP and operator path. */
    private final HttpAuth auth;

    public StreamableHttpTransport(McpJsonMapper json, String bindHost, int port, Access access,
            RequestInterceptor interceptor, McpHttpOptions options, Map<String, OpsEndpoint> ops,
            Supplier<Set<String>> scopesInUse, BooleanSupplier accepting) {
        McpTransportContextExtractor<HttpServletRequest> requestContexts = request -> RequestContexts.ofHttp(
                request.getAttribute(RequestContexts.ID), (Caller) request.getAttribute(OAuthFilter.CALLER));
        this.stateless = options.stateless() ? HttpServletStatelessServerTransport.builder()
                .jsonMapper(json)
                .messageEndpoint(ENDPOINT)
                .maxRequestSize(options.maxBodyBytes())
                .contextExtractor(requestContexts)
                .build() : null;
        this.sessions = options.stateless() ? null : HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(ENDPOINT)
                .maxRequestSize(options.maxBodyBytes())
                .sessionSweepInterval(options.sessionIdleTimeout())
                .contextExtractor(requestContexts)
                .build();
        String nodePath = options.nodeId() == null ? "" : NODE_PATH + options.nodeId();
        this.legacySse = options.legacySse() && !options.stateless() ? HttpServletSseServerTransportProvider.builder()
                .jsonMapper(json)
                .baseUrl(nodePath)
                .sseEndpoint(SSE_ENDPOINT)
                .messageEndpoint(MESSAGE_ENDPOINT)
                .maxRequestSize(options.maxBodyBytes())
                .contextExtractor(requestContexts)
                .build() : null;
        this.auth = new HttpAuth(access);
        Map<String, OpsEndpoint> endpoints = new HashMap<>(ops);
        endpoints.putAll(auth.metadataEndpoints(json, scopesInUse));
        this.host = new JettyHost(bindHost, port, access, endpoints);
        List<String> messagePaths = nodePath.isEmpty() ? List.of(MESSAGE_ENDPOINT)
                : List.of(MESSAGE_ENDPOINT, nodePath + MESSAGE_ENDPOINT);
        List<String> paths = new ArrayList<>(List.of(ENDPOINT));
        if (legacySse != null) {
            paths.add(SSE_ENDPOINT);
            paths.addAll(messagePaths);
        }
        for (String path : paths) {
            auth.filter().ifPresent(filter -> host.addFilter(filter, path));
            if (sessions != null && path.equals(ENDPOINT)) {
                if (access.oauth() != null) {
                    host.addFilter(new SessionOwners(), ENDPOINT); // sees the caller, and the ids clients see
                }
                if (options.nodeId() != null) {
                    host.addFilter(new NodeSessionIds(options.nodeId()), ENDPOINT);
                }
            }
            host.addFilter(new DrainFilter(accepting, path.equals(ENDPOINT)), path);
            host.addFilter(new SanitizeErrorsFilter(), path);
        }
        host.addFilter(new JsonRpcBodyFilter(json, interceptor, options.maxBodyBytes(), accepting), ENDPOINT);
        if (legacySse != null) {
            host.addFilter(new LegacyStreamEnds(), SSE_ENDPOINT);
            if (access.oauth() != null) { // inside LegacyStreamEnds, which tells it when a stream ends
                LegacySessionOwners owners = new LegacySessionOwners();
                host.addFilter(owners, SSE_ENDPOINT);
                messagePaths.forEach(path -> host.addFilter(owners, path));
            }
            JsonRpcBodyFilter legacyBodies = JsonRpcBodyFilter.forLegacySse(json, options.maxBodyBytes(), accepting);
            messagePaths.forEach(path -> host.addFilter(legacyBodies, path));
        }
        addServlet(stateless != null ? stateless : sessions, ENDPOINT);
        if (legacySse != null) {
            List<String> ssePaths = new ArrayList<>(messagePaths);
            ssePaths.add(SSE_ENDPOINT);
            addServlet(legacySse, ssePaths.toArray(String[]::new));
        }
    }

    private void addServlet(jakarta.servlet.Servlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        for (String path : paths) {
            host.context().addServlet(holder, path);
        }
    }

    /**
     * Serves an operator page (the console) under a path spec behind the same guards as {@code /mcp}: the Host/Origin
     * check, then {@code credentials} (which may supply the Authorization header, e.g. from a cookie), then the
     * same auth check, which under OAuth also asks for the operator scope. Call before {@link #start()}.
     */
    public void mount(String pathSpec, jakarta.servlet.Servlet servlet, jakarta.servlet.Filter credentials) {
        host.addFilter(credentials, pathSpec);
        auth.operatorFilter().ifPresent(filter -> host.addFilter(filter, pathSpec));
        addServlet(servlet, pathSpec);
    }

    /** The session transport at {@code /mcp}, or empty in stateless mode. */
    public Optional<HttpServletStreamableServerTransportProvider> sessions() {
        return Optional.ofNullable(sessions);
    }

    /** The stateless transport at {@code /mcp}, or empty unless in stateless mode. */
    public Optional<HttpServletStatelessServerTransport> stateless() {
        return Optional.ofNullable(stateless);
    }

    /** The legacy SSE transport, or empty when it is off. */
    public Optional<HttpServletSseServerTransportProvider> legacySse() {
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
