package io.mcpruntime.runtime.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON-RPC error bodies the transports write themselves: fixed texts, never an exception's details. The codes are
 * the SDK's {@link McpSchema.ErrorCodes}.
 */
final class JsonRpcErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A session this server does not hold for the caller (the code the proxy config answers with too). */
    static final int SESSION_NOT_FOUND = -32001;

    private JsonRpcErrors() {
    }

    static void write(HttpServletResponse response, int status, int code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body(code, message).getBytes(StandardCharsets.UTF_8));
    }

    static String body(int code, String message) {
        return body(null, code, message);
    }

    /** An error response to the request with this id (a string or a number), or to none if it is null. */
    static String body(Object id, int code, String message) {
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.set("id", JSON.valueToTree(id));
        body.putObject("error").put("code", code).put("message", message);
        return body.toString();
    }

    /** The JSON-RPC code that goes with an HTTP error status. */
    static int codeFor(int status) {
        return status >= 500 ? McpSchema.ErrorCodes.INTERNAL_ERROR : McpSchema.ErrorCodes.INVALID_REQUEST;
    }
}
