package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * DNS-rebinding protection: a request whose Origin (if any) or Host is not allowed gets 403 or 421 before anything
 * else sees it. Loopback names are always allowed; {@code *} in a list turns that check off.
 */
final class HeaderGuardFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");
    private static final String ORIGIN = "Origin";

    private final transient ServerHttpHeaderValidator validator;
    /** With origins unrestricted, only the Host header is checked. */
    private final boolean anyOrigin;

    HeaderGuardFilter(List<String> allowedHosts, List<String> allowedOrigins) {
        DefaultServerTransportSecurityValidator.Builder builder = DefaultServerTransportSecurityValidator.builder();
        if (!allowedHosts.contains("*")) {
            LOOPBACK.forEach(host -> builder.allowedHost(host + ":*"));
            allowedHosts.forEach(host -> builder.allowedHost(host.contains(":") && !host.startsWith("[")
                    ? host : host + ":*"));
        }
        for (String scheme : List.of("http://", "https://")) {
            LOOPBACK.forEach(host -> builder.allowedOrigin(scheme + host + ":*"));
        }
        allowedOrigins.forEach(builder::allowedOrigin);
        this.validator = builder.build();
        this.anyOrigin = allowedOrigins.contains("*");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            validator.validate(new RequestHeaders(request, anyOrigin));
        } catch (ServerTransportSecurityException e) {
            JsonRpcErrors.write(response, e.getStatusCode(), McpSchema.ErrorCodes.INVALID_REQUEST, e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The request's headers as the SDK's validator reads them (its servlet accessor is not public): looked up by name
     * when asked, so a request costs two lookups (Host, Origin) instead of a copy of all its headers.
     */
    private record RequestHeaders(HttpServletRequest request, boolean hideOrigin) implements HeaderAccessor {
        @Override
        public List<String> getHeader(String name) {
            return hidden(name) ? List.of() : Collections.list(request.getHeaders(name));
        }

        @Override
        public List<String> getHeaderNames() {
            return Collections.list(request.getHeaderNames()).stream().filter(name -> !hidden(name)).toList();
        }

        private boolean hidden(String name) {
            return hideOrigin && ORIGIN.equalsIgnoreCase(name);
        }
    }
}
