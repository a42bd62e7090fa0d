package io.mcpruntime.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

/** Envelope and params checks: what the SDK gets, and what is refused with which code and field. */
class JsonRpcCheckTest {
    private static final String INIT_PARAMS = "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}";
    private final JsonRpcCheck check = new JsonRpcCheck(new JacksonMcpJsonMapper(new ObjectMapper()));

    @Test
    void wellFormedMessagesReachTheSdkAsTheirKind() {
        assertInstanceOf(McpSchema.JSONRPCRequest.class, accepted(request(1, "initialize", INIT_PARAMS)));
        assertInstanceOf(McpSchema.JSONRPCRequest.class, accepted("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":"
                + "\"tools/list\",\"params\":{\"cursor\":\"c\",\"_meta\":{\"progressToken\":7},\"extra\":true}}"));
        assertInstanceOf(McpSchema.JSONRPCRequest.class, accepted(request(2, "ping", "null")));
        assertInstanceOf(McpSchema.JSONRPCNotification.class,
                accepted("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        assertInstanceOf(McpSchema.JSONRPCResponse.class, accepted("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}"));
        assertInstanceOf(McpSchema.JSONRPCResponse.class, accepted(
                "{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"error\":{\"code\":-32600,\"message\":\"no\"}}"));
        assertInstanceOf(McpSchema.JSONRPCRequest.class, accepted(request(4, "vendor/thing", "{\"any\":1}")));
    }

    @Test
    void unreadableTextIsAParseError() {
        rejected("not json", null, McpSchema.ErrorCodes.PARSE_ERROR, "not JSON");
        rejected("", null, McpSchema.ErrorCodes.PARSE_ERROR, "empty");
        rejected("{\"jsonrpc\":\"2.0\"} {}", null, McpSchema.ErrorCodes.PARSE_ERROR, "not JSON");
        rejected("[".repeat(10_000) + "]".repeat(10_000), null, McpSchema.ErrorCodes.PARSE_ERROR, "too deeply");
        rejected("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"n\":" + "9".repeat(2000) + "}}",
                null, McpSchema.ErrorCodes.PARSE_ERROR, "too long");
    }

    @Test
    void aWrongEnvelopeIsAnInvalidRequestNamingTheField() {
        int invalid = McpSchema.ErrorCodes.INVALID_REQUEST;
        rejected("[" + request(1, "ping", "{}") + "]", null, invalid, "batches");
        rejected("42", null, invalid, "JSON object");
        rejected("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", 1, invalid, "\"jsonrpc\"");
        rejected("{\"id\":1,\"method\":\"ping\"}", 1, invalid, "\"jsonrpc\"");
        rejected("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}", 1, invalid, "\"jsonrpc\"");
        for (String id : new String[] {"{}", "[]", "true", "null", "1.5", "99999999999999999999"}) {
            rejected("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}", null, invalid, "\"id\"");
        }
        rejected("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}", 1, invalid, "\"method\"");
        rejected("{\"jsonrpc\":\"2.0\",\"id\":1}", 1, invalid, "\"method\"");
        rejected("{\"jsonrpc\":\"2.0\",\"id\":{},\"result\":{}}", null, invalid, "\"id\"");
        rejected("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\"}}", 1, invalid, "\"error\"");
    }

    @Test
    void paramsOfTheWrongShapeAreInvalidParamsNamingTheField() {
        int params = McpSchema.ErrorCodes.INVALID_PARAMS;
        rejected(request(1, "initialize", null), 1, params, "params are required");
        rejected(request(1, "initialize", "null"), 1, params, "params are required");
        rejected(request(1, "initialize", "[]"), 1, params, "params must be an object");
        rejected(request(1, "initialize", INIT_PARAMS.replace("\"2025-11-25\"", "5")), 1, params,
                "protocolVersion must be a string");
        rejected(request(1, "initialize", INIT_PARAMS.replace(",\"version\":\"1\"", "")), 1, params,
                "clientInfo.version is required");
        rejected(request("x", "tools/call", "{\"name\":5}"), "x", params, "name must be a string");
        rejected(request(1, "tools/call", "{\"name\":\"t\",\"arguments\":\"{}\"}"), 1, params,
                "arguments must be an object");
        rejected(request(1, "resources/read", "{}"), 1, params, "uri is required");
        rejected(request(1, "logging/setLevel", "{\"level\":\"loud\"}"), 1, params, "level must be one of debug");
        rejected(request(1, "completion/complete", "{\"ref\":{\"type\":\"ref/x\"},\"argument\":{}}"), 1, params,
                "ref.type must be one of");
        rejected(request(1, "tools/list", "{\"_meta\":{\"progressToken\":{}}}"), 1, params,
                "_meta.progressToken must be a string or an integer");
        rejected(request(1, "vendor/thing", "\"text\""), 1, params, "params must be an object");
    }

    @Test
    void taskAugmentationAndTheTaskMethodsAreChecked() {
        int params = McpSchema.ErrorCodes.INVALID_PARAMS;
        assertInstanceOf(McpSchema.JSONRPCRequest.class, accepted(request(1, "tools/call",
                "{\"name\":\"t\",\"task\":{\"ttl\":60000}}")));
        assertInstanceOf(McpSchema.JSONRPCRequest.class, accepted(request(2, "tasks/list", null)));
        assertInstanceOf(McpSchema.JSONRPCRequest.class, accepted(request(3, "tasks/get", "{\"taskId\":\"a\"}")));
        rejected(request(1, "tools/call", "{\"name\":\"t\",\"task\":true}"), 1, params, "task must be an object");
        rejected(request(1, "tools/call", "{\"name\":\"t\",\"task\":{\"ttl\":\"1m\"}}"), 1, params,
                "task.ttl must be a number");
        for (String method : new String[] {"tasks/get", "tasks/result", "tasks/cancel"}) {
            rejected(request(1, method, "{}"), 1, params, "taskId is required");
            rejected(request(1, method, "{\"taskId\":7}"), 1, params, "taskId must be a string");
        }
        rejected(request(1, "tasks/list", "{\"cursor\":[]}"), 1, params, "cursor must be a string");
    }

    @Test
    void aNotificationWithBadParamsAndAnErrorWithANullIdGetNoReply() {
        JsonRpcCheck.Rejected rejected = (JsonRpcCheck.Rejected) check.check(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":\"half\"}}");
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, rejected.code());
        assertTrue(rejected.noReply(), rejected.toString());
        JsonRpcCheck.Rejected nullId = (JsonRpcCheck.Rejected) check.check(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"no\"}}");
        assertTrue(nullId.noReply(), nullId.toString());
    }

    @Test
    void aRejectionIsAJsonRpcErrorWithTheIdWhenItWasReadable() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"error\":{\"code\":-32602,\"message\":"
                + "\"Invalid params: uri is required\"}}",
                ((JsonRpcCheck.Rejected) check.check(request("a\\\"b", "resources/read", "{}"))).body());
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":"
                + "\"Parse error: the message is not JSON\"}}", ((JsonRpcCheck.Rejected) check.check("{")).body());
    }

    private McpSchema.JSONRPCMessage accepted(String text) {
        JsonRpcCheck.Outcome outcome = check.check(text);
        return assertInstanceOf(JsonRpcCheck.Accepted.class, outcome, outcome.toString()).message();
    }

    private void rejected(String text, Object id, int code, String named) {
        JsonRpcCheck.Outcome outcome = check.check(text);
        JsonRpcCheck.Rejected rejected = assertInstanceOf(JsonRpcCheck.Rejected.class, outcome, text);
        assertEquals(code, rejected.code(), rejected.toString());
        assertEquals(id, rejected.id(), rejected.toString());
        assertTrue(rejected.message().contains(named), rejected.message());
        assertTrue(!rejected.noReply(), rejected.toString());
    }

    private static String request(Object id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + (id instanceof String ? "\"" + id + "\"" : id) + ",\"method\":\""
                + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}";
    }
}
