package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** While the runtime starts or shuts down, new MCP requests get 503; requests already running are not touched. */
final class DrainFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient BooleanSupplier accepting;

    DrainFilter(BooleanSupplier accepting) {
        this.accepting = accepting;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!accepting.getAsBoolean()) {
            response.setHeader("Retry-After", "5");
            JsonRpcErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    McpSchema.ErrorCodes.INTERNAL_ERROR,
                    "Server is not accepting requests (starting or shutting down)");
            return;
        }
        chain.doFilter(request, response);
    }
}
