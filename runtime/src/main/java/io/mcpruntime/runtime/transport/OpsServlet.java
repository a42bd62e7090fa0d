package io.mcpruntime.runtime.transport;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Serves one {@link OpsEndpoint} on GET. */
final class OpsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient OpsEndpoint endpoint;

    OpsServlet(OpsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OpsEndpoint.Answer answer = endpoint.get();
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
