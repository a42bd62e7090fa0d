package io.mcpruntime.runtime.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The page and its static files, from the runtime jar (plain HTML, CSS and JavaScript: no build, no CDN). Opening
 * the page with {@code ?token=} (already checked by the auth filter by then) stores the token in an HttpOnly,
 * SameSite=Strict cookie for the console's path and redirects to the bare page, so the token leaves the address bar.
 */
final class ConsoleAssets {
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html", "console.js", "text/javascript", "console.css", "text/css");

    /** Whether a file of that name is served. */
    static boolean serves(String name) {
        return FILES.containsKey(name);
    }

    void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter(ConsoleCredentials.TOKEN_PARAMETER);
        if (token != null && !token.isBlank()) {
            Cookie cookie = new Cookie(ConsoleCredentials.COOKIE,
                    URLEncoder.encode(token.trim(), StandardCharsets.UTF_8)); // any token is a valid cookie value
            cookie.setPath(Console.PATH);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", Console.PATH);
            return;
        }
        file("index.html", response);
    }

    void file(String name, HttpServletResponse response) throws IOException {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(name)) {
            if (in == null || !serves(name)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(FILES.get(name));
            response.setCharacterEncoding("UTF-8");
            in.transferTo(response.getOutputStream());
        }
    }
}
