package io.mcpruntime.runtime.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Under OAuth, a Streamable HTTP session belongs to the subject whose token initialized it (the MCP security best
 * practices: bind session ids to the user): a request of another subject naming it is answered 404, as for an
 * unknown session, so a leaked or guessed session id gives nobody else its stream or its calls. Sits behind the
 * auth check, which names the caller, and sees the SDK's own session ids.
 */
final class SessionOwners extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String HEADER = "Mcp-Session-Id";
    /**
     * Owners remembered at most; the least recently used beyond that are forgotten, and a session without a known
     * owner is refused (its client starts a new one), so the map cannot grow with sessions the SDK swept away.
     */
    private static final int MAX_SESSIONS = 100_000;

    private final transient Map<String, String> owners = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > MAX_SESSIONS;
                }
            });

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String subject = Objects.toString(HttpAuth.caller(request).subject(), "");
        String session = request.getHeader(HEADER);
        if (session == null) {
            chain.doFilter(request, response);
            String created = response.getHeader(HEADER);
            if (created != null) {
                owners.put(created, subject);
            }
            return;
        }
        if (!subject.equals(owners.get(session))) {
            JsonRpcErrors.write(response, HttpServletResponse.SC_NOT_FOUND, JsonRpcErrors.SESSION_NOT_FOUND,
                    "Session not found");
            return;
        }
        chain.doFilter(request, response);
        if ("DELETE".equals(request.getMethod())) {
            owners.remove(session);
        }
    }
}
