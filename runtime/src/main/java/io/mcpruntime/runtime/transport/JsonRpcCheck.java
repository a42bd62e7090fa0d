package io.mcpruntime.runtime.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;

/**
 * The kernel's one reading of an incoming JSON-RPC text, shared by every transport: the text must be one JSON
 * object (batches were dropped from the protocol in 2025-06-18) that is a request, notification or response by
 * JSON-RPC 2.0's rules ({@code "jsonrpc": "2.0"}, a string or integer id, a string method), and a request's or
 * notification's params must have the shape its method needs ({@link MethodParams}). Only then does the SDK get
 * the message; anything else is {@link Rejected} with -32700, -32600 or -32602 and a message naming the field,
 * never with the SDK's exception text.
 */
final class JsonRpcCheck {
    /** Jackson's limits apply: nesting deeper than 1000 levels or a number longer than 1000 digits is refused. */
    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final McpJsonMapper json;

    JsonRpcCheck(McpJsonMapper json) {
        this.json = json;
    }

    /** What a text turned out to be: a message for the SDK or a refusal to answer with. */
    sealed interface Outcome permits Accepted, Rejected {
    }

    record Accepted(McpSchema.JSONRPCMessage message) implements Outcome {
    }

    /**
     * @param id      the message's id when it had a valid one, else null (JSON-RPC's id for an unreadable one)
     * @param noReply nothing may answer it where answers are messages (stdio): a notification with bad params
     *                (JSON-RPC answers no notification) or an error response with a null id (two peers refusing
     *                each other's errors would never stop)
     */
    record Rejected(Object id, int code, String message, boolean noReply) implements Outcome {
        /** The JSON-RPC error response (the SDK's type cannot hold a null id). */
        String body() {
            return JsonRpcErrors.body(id, code, message);
        }
    }

    Outcome check(String text) {
        JsonNode node;
        try {
            node = TREE.readTree(text);
        } catch (StreamConstraintsException e) {
            return parseError("the JSON nests too deeply or has a number too long");
        } catch (IOException e) {
            return parseError("the message is not JSON");
        }
        if (node == null || node.isMissingNode()) {
            return parseError("the message is empty");
        }
        if (node.isArray()) {
            return invalid(null, "batches (JSON arrays) are not supported since protocol 2025-06-18: "
                    + "send one message at a time");
        }
        if (!node.isObject()) {
            return invalid(null, "a JSON-RPC message is a JSON object");
        }
        JsonNode idNode = node.get("id");
        Object id = validId(idNode) ? json.convertValue(idNode, Object.class) : null;
        JsonNode version = node.get("jsonrpc");
        if (version == null || !version.isTextual() || !McpSchema.JSONRPC_VERSION.equals(version.asText())) {
            return invalid(id, "\"jsonrpc\" must be \"2.0\"");
        }
        return node.has("method") ? checkCall(node, idNode, id) : checkResponse(node, idNode, id);
    }

    private Outcome checkCall(JsonNode node, JsonNode idNode, Object id) {
        JsonNode method = node.get("method");
        if (!method.isTextual()) {
            return invalid(id, "\"method\" must be a string");
        }
        if (idNode != null && id == null) {
            return invalid(null, "\"id\" of a request must be a string or an integer");
        }
        String problem = MethodParams.problem(method.asText(), node.get("params"));
        if (problem != null) {
            return new Rejected(id, McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid params: " + problem, id == null);
        }
        return accepted(node, id, idNode == null ? McpSchema.JSONRPCNotification.class
                : McpSchema.JSONRPCRequest.class);
    }

    private Outcome checkResponse(JsonNode node, JsonNode idNode, Object id) {
        JsonNode error = node.get("error");
        if (node.has("result") == (error != null)) {
            return invalid(id, "a message needs a \"method\" (a request or notification), "
                    + "or one of \"result\" and \"error\" (a response)");
        }
        if (id == null && error != null && idNode != null && idNode.isNull()) {
            // JSON-RPC's answer to a message whose id could not be read; the SDK has no request to give it to
            return new Rejected(null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Invalid request: an error response with a null id answers no request of this server", true);
        }
        if (id == null) {
            return invalid(null, "\"id\" of a response must be a string or an integer");
        }
        if (error != null && !(error.isObject() && error.path("code").isIntegralNumber()
                && error.path("code").canConvertToInt()
                && error.path("message").isTextual())) {
            return invalid(id, "\"error\" must be an object with an integer \"code\" and a string \"message\"");
        }
        return accepted(node, id, McpSchema.JSONRPCResponse.class);
    }

    /** The SDK's message, from the checked tree (the text is not parsed twice). */
    private Outcome accepted(JsonNode node, Object id, Class<? extends McpSchema.JSONRPCMessage> type) {
        try {
            return new Accepted(json.convertValue(node, type));
        } catch (RuntimeException e) { // a shape the checks above let through and the SDK's types cannot hold
            return invalid(id, "the message does not fit JSON-RPC's request, notification or response");
        }
    }

    /** A string or an integer that fits the 64 bits every client reads ids into. */
    private static boolean validId(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber() && id.canConvertToLong());
    }

    private static Rejected invalid(Object id, String problem) {
        return new Rejected(id, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: " + problem, false);
    }

    private static Rejected parseError(String problem) {
        return new Rejected(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: " + problem, false);
    }
}
