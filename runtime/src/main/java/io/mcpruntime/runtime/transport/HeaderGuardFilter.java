package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DNS-rebinding protection: a request whose Origin (if any) or Host is not allowed gets 403 or 421 before anything
 * else sees it. Loopback names are always allowed; {@code *} in a list turns that check off.
 */
final class HeaderGuardFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final transient ServerTransportSecurityValidator validator;

    HeaderGuardFilter(List<String> allowedHosts, List<String> allowedOrigins) {
        DefaultServerTransportSecurityValidator.Builder builder = DefaultServerTransportSecurityValidator.builder();
        if (!allowedHosts.contains("*")) {
            LOOPBACK.forEach(host -> builder.allowedHost(host + ":*"));
            allowedHosts.forEach(host -> builder.allowedHost(host.contains(":") && !host.startsWith("[")
                    ? host : host + ":*"));
        }
        if (allowedOrigins.contains("*")) {
            builder.allowedOrigin("*");
        }
        for (String scheme : List.of("http://", "https://")) {
            LOOPBACK.forEach(host -> builder.allowedOrigin(scheme + host + ":*"));
        }
        allowedOrigins.forEach(builder::allowedOrigin);
        this.validator = allowedOrigins.contains("*") ? hostsOnly(builder.build()) : builder.build();
    }

    /** With origins unrestricted, only the Host header is checked. */
    private static ServerTransportSecurityValidator hostsOnly(ServerTransportSecurityValidator validator) {
        return headers -> {
            Map<String, List<String>> withoutOrigin = new LinkedHashMap<>(headers);
            withoutOrigin.keySet().removeIf(name -> name.equalsIgnoreCase("origin"));
            validator.validateHeaders(withoutOrigin);
        };
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        try {
            validator.validateHeaders(headers);
        } catch (ServerTransportSecurityException e) {
            JsonRpcErrors.write(response, e.getStatusCode(), McpSchema.ErrorCodes.INVALID_REQUEST, e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
