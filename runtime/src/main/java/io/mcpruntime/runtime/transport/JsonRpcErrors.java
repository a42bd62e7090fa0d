package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON-RPC error bodies the transports write themselves: fixed texts, never an exception's details. The codes are
 * the SDK's {@link McpSchema.ErrorCodes}.
 */
final class JsonRpcErrors {
    private JsonRpcErrors() {
    }

    static void write(HttpServletResponse response, int status, int code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body(code, message).getBytes(StandardCharsets.UTF_8));
    }

    static String body(int code, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code + ",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}";
    }

    /** The JSON-RPC code that goes with an HTTP error status. */
    static int codeFor(int status) {
        return status >= 500 ? McpSchema.ErrorCodes.INTERNAL_ERROR : McpSchema.ErrorCodes.INVALID_REQUEST;
    }
}
