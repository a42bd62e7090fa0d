package io.mcpruntime.runtime.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire-level guard on the errors the SDK sends: none leaves with an exception's text, a Java class name or a
 * stack trace. The SDK turns any exception of a handler into -32603 with the exception's message, so that text is
 * always replaced; another code's text only when it looks like one. The original is logged in full. The kernel's own
 * answers (written by the transports, not the SDK) do not pass here: their texts are fixed.
 */
final class ErrorGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A qualified class name, an exception, a stack frame or a JDK null-pointer text. */
    static final Pattern LEAK = Pattern.compile("Exception|\\bat [a-z_$][\\w$]*\\.|[a-z_$][\\w$]*\\.[a-z_$][\\w$]*\\."
            + "[A-Z]|\\.java:\\d+|Cannot invoke \"|because \"");
    private static final Map<Integer, String> GENERIC = Map.of(
            McpSchema.ErrorCodes.PARSE_ERROR, "Parse error",
            McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request",
            McpSchema.ErrorCodes.METHOD_NOT_FOUND, "Method not found",
            McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid params",
            McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error",
            McpSchema.ErrorCodes.RESOURCE_NOT_FOUND, "Resource not found");

    private ErrorGuard() {
    }

    /** The text a client may read for an error of this code the SDK gave this message. */
    static String safeMessage(int code, String message) {
        if (message != null && code != McpSchema.ErrorCodes.INTERNAL_ERROR && !message.contains("\n")
                && !LEAK.matcher(message).find()) {
            return message;
        }
        LOG.warn("Sent a client a generic text instead of the SDK's for error {}: {}", code, message);
        return GENERIC.getOrDefault(code, "Request failed");
    }

    /** The message with an error response's text made safe; any other message as it is. */
    static McpSchema.JSONRPCMessage guard(McpSchema.JSONRPCMessage message) {
        if (!(message instanceof McpSchema.JSONRPCResponse response) || response.error() == null) {
            return message;
        }
        McpSchema.JSONRPCResponse.JSONRPCError error = response.error();
        String safe = safeMessage(error.code(), error.message());
        Object data = error.data() != null && LEAK.matcher(String.valueOf(error.data())).find() ? null : error.data();
        return safe.equals(error.message()) && data == error.data() ? message
                : new McpSchema.JSONRPCResponse(response.jsonrpc(), response.id(), null,
                        new McpSchema.JSONRPCResponse.JSONRPCError(error.code(), safe, data));
    }

    /** The JSON text of a message with an error response's text made safe; other text as it is. */
    static String guardJson(String text) {
        if (!text.contains("\"error\"")) {
            return text;
        }
        try {
            JsonNode message = JSON.readTree(text);
            JsonNode error = message == null ? null : message.get("error");
            if (error instanceof ObjectNode fields && !message.has("method") && fields.path("code").canConvertToInt()) {
                String original = fields.path("message").isTextual() ? fields.get("message").asText() : null;
                String safe = safeMessage(fields.get("code").asInt(), original);
                boolean leakyData = fields.has("data") && LEAK.matcher(fields.get("data").toString()).find();
                if (!safe.equals(original) || leakyData) {
                    fields.put("message", safe);
                    if (leakyData) {
                        fields.remove("data");
                    }
                    return JSON.writeValueAsString(message);
                }
            }
        } catch (IOException e) {
            // not one JSON message: nothing the SDK would have put an error in
        }
        return text;
    }
}
