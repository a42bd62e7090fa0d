package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * While the runtime starts or shuts down, what would start new work gets 503: a new stream (GET) or a POST. Where
 * {@link JsonRpcBodyFilter} reads the POST after this filter, it refuses only one that carries a request: a
 * notification (a cancellation) or a response (the answer to a sampling request a running call waits for) still
 * reaches the calls already running. Ending a session (DELETE) is always allowed.
 */
final class DrainFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient BooleanSupplier accepting;
    private final boolean postsJudgedByBody;

    /** @param postsJudgedByBody whether a {@link JsonRpcBodyFilter} after this one refuses POSTs itself */
    DrainFilter(BooleanSupplier accepting, boolean postsJudgedByBody) {
        this.accepting = accepting;
        this.postsJudgedByBody = postsJudgedByBody;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (!accepting.getAsBoolean() && !"DELETE".equals(method) && !(postsJudgedByBody && "POST".equals(method))) {
            refuse(response);
            return;
        }
        chain.doFilter(request, response);
    }

    static void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        JsonRpcErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, McpSchema.ErrorCodes.INTERNAL_ERROR,
                "Server is not accepting requests (starting or shutting down)");
    }
}
