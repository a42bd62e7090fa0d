package io.mcpruntime.runtime.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes the console API's JSON answers; an error is {@code {"error": "<fixed text>"}}, never exception details. */
final class ConsoleAnswers {
    private final ObjectMapper mapper;

    ConsoleAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void json(HttpServletResponse response, int status, Object body) throws IOException {
        raw(response, status, mapper.writeValueAsString(body));
    }

    /** A body that is JSON already (a tool's result as the wire carries it). */
    void raw(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    void error(HttpServletResponse response, int status, String message) throws IOException {
        json(response, status, Map.of("error", message));
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
