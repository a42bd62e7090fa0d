package io.mcpruntime.runtime.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;

/**
 * Puts the node's id in front of every Streamable HTTP session id ({@code <node>.<sdk id>}), so that a stock reverse
 * proxy can pin a session to its node with a plain rule on the {@code Mcp-Session-Id} header. The SDK's builder has
 * no hook for its session ids, so the header is rewritten on its way out and back in: everything behind this filter
 * sees the SDK's own id. An id without this node's prefix reaches the SDK unchanged and gets its 404.
 */
public final class NodeSessionIds extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String SESSION_HEADER = "Mcp-Session-Id";
    /** Letters, digits, '-' and '_': safe in a header, a URL path and an nginx map key, and never a '.'. */
    public static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String prefix;

    NodeSessionIds(String nodeId) {
        if (!NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("A node id is 1 to 32 letters, digits, '-' or '_', not '" + nodeId + "'");
        }
        this.prefix = nodeId + ".";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new Incoming(request), new Outgoing(response));
    }

    private final class Incoming extends HttpServletRequestWrapper {
        Incoming(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            String value = super.getHeader(name);
            return SESSION_HEADER.equalsIgnoreCase(name) && value != null && value.startsWith(prefix)
                    ? value.substring(prefix.length()) : value;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!SESSION_HEADER.equalsIgnoreCase(name) || super.getHeader(name) == null) {
                return super.getHeaders(name);
            }
            return Collections.enumeration(Collections.singletonList(getHeader(name)));
        }
    }

    private final class Outgoing extends HttpServletResponseWrapper {
        Outgoing(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, withPrefix(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, withPrefix(name, value));
        }

        private String withPrefix(String name, String value) {
            return SESSION_HEADER.equalsIgnoreCase(name) && value != null ? prefix + value : value;
        }
    }
}
