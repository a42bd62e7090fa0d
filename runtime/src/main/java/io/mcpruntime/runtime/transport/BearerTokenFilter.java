package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Optional bearer-token check ({@code MCP_AUTH_TOKEN}): a request without {@code Authorization: Bearer <token>}
 * gets 401. The comparison takes the same time whatever the token sent, so it leaks nothing about the secret.
 */
final class BearerTokenFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    BearerTokenFilter(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        byte[] given = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(expected, given)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"mcp-runtime\"");
            JsonRpcErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    McpSchema.ErrorCodes.INVALID_REQUEST, "Unauthorized: send Authorization: Bearer <token>");
            return;
        }
        chain.doFilter(request, response);
    }
}
