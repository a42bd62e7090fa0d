package io.mcpruntime.runtime.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lets a browser present the bearer token the way it can: once as {@code ?token=} on the page (the page then sets
 * the cookie) or as the console's cookie. Either becomes the request's {@code Authorization: Bearer} header, which
 * the transport's own auth check then judges, exactly as it judges /mcp; this filter decides nothing itself.
 * A request that has an Authorization header keeps it.
 */
final class ConsoleCredentials extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String COOKIE = "mcp_console_token";
    static final String TOKEN_PARAMETER = "token";
    private static final String AUTHORIZATION = "Authorization";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String token = request.getHeader(AUTHORIZATION) != null ? null : presented(request);
        chain.doFilter(token == null ? request : new WithBearer(request, "Bearer " + token), response);
    }

    private static String presented(HttpServletRequest request) {
        // the method first: reading a parameter of a POST would consume its body (an upload) as a form
        String query = "GET".equals(request.getMethod()) ? request.getParameter(TOKEN_PARAMETER) : null;
        if (query != null && !query.isBlank()) {
            return query.trim();
        }
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Stream.of(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(c -> URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8)).filter(v -> !v.isBlank())
                .findFirst().orElse(null);
    }

    /** The request with an Authorization header added. */
    private static final class WithBearer extends HttpServletRequestWrapper {
        private final String authorization;

        WithBearer(HttpServletRequest request, String authorization) {
            super(request);
            this.authorization = authorization;
        }

        @Override
        public String getHeader(String name) {
            return AUTHORIZATION.equalsIgnoreCase(name) ? authorization : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return AUTHORIZATION.equalsIgnoreCase(name) ? Collections.enumeration(List.of(authorization))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Stream.concat(Collections.list(super.getHeaderNames()).stream(),
                    Stream.of(AUTHORIZATION)).toList());
        }
    }
}
