package io.mcpruntime.runtime.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON-RPC error bodies the HTTP transport writes itself: fixed texts, never an exception's details. */
final class JsonRpcErrors {
    static final int INVALID_REQUEST = -32600;

    private JsonRpcErrors() {
    }

    static void write(HttpServletResponse response, int status, int code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String body = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code + ",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
