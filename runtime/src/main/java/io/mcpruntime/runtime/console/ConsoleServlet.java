package io.mcpruntime.runtime.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Routes {@code /console/*} (already past the Host/Origin guard and the auth check): the page and its files, the
 * state, the events, a tool call, plugin uploads and removals. Every request that changes something must carry
 * the CSRF token; nothing here may be framed or sniffed, and nothing is cached.
 */
final class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final transient ConsoleAssets assets;
    private final transient StateView state;
    private final transient ConsoleEvents events;
    private final transient ToolCalls calls;
    private final transient PluginChanges plugins;
    private final transient CsrfToken csrf;
    private final transient ConsoleAnswers answers;

    ConsoleServlet(ConsoleAssets assets, StateView state, ConsoleEvents events, ToolCalls calls,
            PluginChanges plugins, CsrfToken csrf, ConsoleAnswers answers) {
        this.assets = assets;
        this.state = state;
        this.events = events;
        this.calls = calls;
        this.plugins = plugins;
        this.csrf = csrf;
        this.answers = answers;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        String method = request.getMethod();
        if (!SAFE_METHODS.contains(method) && !csrf.carriedBy(request)) {
            answers.error(response, HttpServletResponse.SC_FORBIDDEN,
                    "Missing or wrong " + CsrfToken.HEADER + " header: changes are made from the console page only");
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        switch (method + " " + path) {
            case "GET /" -> assets.page(request, response);
            case "GET /api/state" -> answers.json(response, HttpServletResponse.SC_OK, state.now());
            case "GET /api/events" -> events.listen(request, response);
            case "POST /api/call" -> calls.call(request, response);
            case "POST /api/plugins" -> plugins.upload(request, response);
            case "DELETE /api/plugins" -> plugins.remove(request, response);
            default -> other(method, path.substring(1), response);
        }
    }

    private void other(String method, String file, HttpServletResponse response) throws IOException {
        if ("GET".equals(method) && ConsoleAssets.serves(file) && !file.equals("index.html")) {
            assets.file(file, response);
        } else {
            answers.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
        }
    }
}
