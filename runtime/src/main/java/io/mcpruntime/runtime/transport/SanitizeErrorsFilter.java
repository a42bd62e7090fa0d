package io.mcpruntime.runtime.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Lets an SDK servlet answer, with its own error bodies sanitized (see {@link SanitizedErrorResponse}). */
final class SanitizeErrorsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new SanitizedErrorResponse(response, SanitizedErrorResponse.Answering.REQUEST));
    }
}
