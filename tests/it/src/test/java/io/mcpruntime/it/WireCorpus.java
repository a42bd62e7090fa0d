package io.mcpruntime.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated corpus of messages, valid and not, with the answer the 2025-11-25 protocol asks for each: every method
 * the runtime serves with its params missing, null, of the wrong type, each required member missing and members of
 * the wrong type; wrong envelope fields; batches; unreadable text; unicode; deep nesting; huge numbers. The params
 * shapes here are the schema's, written down independently of the runtime's table.
 */
final class WireCorpus {
    static final int RESULT = 0;
    /** Any well-formed answer: an error result or a JSON-RPC error, as long as it is clean. */
    static final int ANY = 1;
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One message. {@code id} is the id its answer carries (null when the message has no readable one); a message
     * that gets no answer where answers are messages (a notification, a response) has {@code reply} false; over HTTP
     * such a message is answered 202 when accepted and 400 with the error when not.
     */
    record Case(String name, String body, Object id, int expected, boolean reply) {
    }

    /**
     * A method, params it is served with, its required members (dotted paths), wrong values for members, and what
     * well-formed params get ({@link #RESULT}, or {@link #ANY} where that depends on the transport or on state).
     */
    private record Method(String name, boolean notification, String valid, boolean paramsRequired,
            List<String> required, Map<String, Object> wrong, int served) {

        Method(String name, boolean notification, String valid, boolean paramsRequired, List<String> required,
                Map<String, Object> wrong) {
            this(name, notification, valid, paramsRequired, required, wrong, RESULT);
        }
    }

    private static final List<Method> METHODS = List.of(
            new Method("initialize", false, "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"wire\",\"version\":\"1\"}}", true,
                    List.of("protocolVersion", "capabilities", "clientInfo", "clientInfo.name", "clientInfo.version"),
                    Map.of("protocolVersion", 5, "capabilities", "x", "clientInfo", List.of(), "clientInfo.name",
                            true)),
            new Method("ping", false, "{}", false, List.of(), Map.of("_meta", "x", "_meta.progressToken", Map.of())),
            new Method("tools/list", false, "{}", false, List.of(), Map.of("cursor", 5)),
            new Method("tools/call", false, "{\"name\":\"example_echo\",\"arguments\":{\"message\":\"hi\"}}", true,
                    List.of("name"), Map.of("name", 5, "arguments", "{\"message\":\"hi\"}", "task", 5,
                            "task.ttl", "soon")),
            // tasks (2025-11-25): served only where there are sessions, and no task of the id exists here
            new Method("tasks/get", false, "{\"taskId\":\"none\"}", true, List.of("taskId"),
                    Map.of("taskId", 5), ANY),
            new Method("tasks/result", false, "{\"taskId\":\"none\"}", true, List.of("taskId"),
                    Map.of("taskId", List.of()), ANY),
            new Method("tasks/cancel", false, "{\"taskId\":\"none\"}", true, List.of("taskId"),
                    Map.of("taskId", Map.of()), ANY),
            new Method("tasks/list", false, "{}", false, List.of(), Map.of("cursor", 5), ANY),
            new Method("resources/list", false, "{}", false, List.of(), Map.of("cursor", List.of())),
            new Method("resources/templates/list", false, "{}", false, List.of(), Map.of("cursor", 1.5)),
            new Method("resources/read", false, "{\"uri\":\"example://readme\"}", true, List.of("uri"),
                    Map.of("uri", 5)),
            new Method("resources/subscribe", false, "{\"uri\":\"example://readme\"}", true, List.of("uri"),
                    Map.of("uri", Map.of())),
            new Method("resources/unsubscribe", false, "{\"uri\":\"example://readme\"}", true, List.of("uri"),
                    Map.of("uri", false)),
            new Method("prompts/list", false, "{}", false, List.of(), Map.of("cursor", true)),
            new Method("prompts/get", false, "{\"name\":\"example_summarize\",\"arguments\":{\"text\":\"t\"}}", true,
                    List.of("name"), Map.of("name", List.of("x"), "arguments", "text=t")),
            new Method("completion/complete", false, "{\"ref\":{\"type\":\"ref/prompt\",\"name\":"
                    + "\"example_summarize\"},\"argument\":{\"name\":\"style\",\"value\":\"b\"}}", true,
                    List.of("ref", "argument", "ref.type", "argument.name", "argument.value"),
                    Map.of("ref", "x", "ref.type", "ref/other", "argument.value", 5, "context", "x")),
            new Method("logging/setLevel", false, "{\"level\":\"info\"}", true, List.of("level"),
                    Map.of("level", "loud")),
            new Method("notifications/initialized", true, null, false, List.of(), Map.of("_meta", 5)),
            new Method("notifications/cancelled", true, "{\"requestId\":\"none\",\"reason\":\"r\"}", true,
                    List.of(), Map.of("requestId", Map.of(), "reason", 5)),
            new Method("notifications/progress", true, "{\"progressToken\":\"t\",\"progress\":1}", true,
                    List.of("progressToken", "progress"), Map.of("progress", "half", "total", "all")),
            new Method("notifications/roots/list_changed", true, null, false, List.of(), Map.of("_meta", "x")));

    private final List<Case> cases = new ArrayList<>();

    private WireCorpus() {
    }

    /** Every case; those of {@code initialize} only when {@code withInitialize} (in a session they are not asked). */
    static List<Case> generate(boolean withInitialize) {
        WireCorpus corpus = new WireCorpus();
        for (Method method : METHODS) {
            if (withInitialize || !method.name().equals("initialize")) {
                corpus.params(method);
            }
        }
        corpus.envelopes();
        corpus.oddities();
        return corpus.cases;
    }

    private void params(Method method) {
        int missing = method.paramsRequired() ? INVALID_PARAMS : method.served();
        call(method, "params missing", null, missing);
        call(method, "params null", "null", missing);
        for (String wrong : List.of("\"x\"", "5", "[]", "true")) {
            call(method, "params " + wrong, wrong, INVALID_PARAMS);
        }
        for (String member : method.required()) {
            call(method, member + " missing", edit(method.valid(), member, null), INVALID_PARAMS);
        }
        method.wrong().forEach((member, value) ->
                call(method, member + " = " + value, edit(method.valid(), member, value), INVALID_PARAMS));
        call(method, "valid", method.valid(), method.served());
    }

    private void call(Method method, String what, String params, int expected) {
        String name = method.name() + ": " + what;
        String paramsMember = params == null ? "" : ",\"params\":" + params;
        if (method.notification()) {
            add(name, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method.name() + "\"" + paramsMember + "}", null,
                    expected, false);
        } else {
            String id = "c" + cases.size();
            add(name, "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"" + method.name() + "\""
                    + paramsMember + "}", id, expected, true);
        }
    }

    /** The valid params with one member (a dotted path) removed ({@code value} null) or set to a wrong value. */
    private static String edit(String valid, String member, Object value) {
        try {
            ObjectNode params = (ObjectNode) JSON.readTree(valid == null ? "{}" : valid);
            String[] path = member.split("\\.");
            ObjectNode parent = params;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
            }
            if (value == null) {
                parent.remove(path[path.length - 1]);
            } else {
                parent.set(path[path.length - 1], JSON.valueToTree(value));
            }
            return JSON.writeValueAsString(params);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void envelopes() {
        String ping = ",\"method\":\"ping\"}";
        add("jsonrpc 1.0", "{\"jsonrpc\":\"1.0\",\"id\":\"v1\"" + ping, "v1", INVALID_REQUEST, true);
        add("jsonrpc missing", "{\"id\":\"v2\"" + ping, "v2", INVALID_REQUEST, true);
        add("jsonrpc a number", "{\"jsonrpc\":2.0,\"id\":\"v3\"" + ping, "v3", INVALID_REQUEST, true);
        for (String id : List.of("{}", "[]", "true", "null", "1.5", "1e400", "123456789012345678901234567890")) {
            add("id " + id, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ping, null, INVALID_REQUEST, true);
        }
        for (String method : List.of("5", "null", "[]", "{}")) {
            String id = "m" + cases.size();
            add("method " + method, "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":" + method + "}", id,
                    INVALID_REQUEST, true);
        }
        add("method missing", "{\"jsonrpc\":\"2.0\",\"id\":\"m0\"}", "m0", INVALID_REQUEST, true);
        add("method unknown, unicode", "{\"jsonrpc\":\"2.0\",\"id\":\"u0\",\"method\":\"tööls/😀\"}", "u0",
                METHOD_NOT_FOUND, true);
        String valid = "{\"jsonrpc\":\"2.0\",\"id\":\"b0\"" + ping;
        add("batch of one", "[" + valid + "]", null, INVALID_REQUEST, true);
        add("batch of two", "[" + valid + "," + valid.replace("b0", "b1") + "]", null, INVALID_REQUEST, true);
        add("empty batch", "[]", null, INVALID_REQUEST, true);
        for (String top : List.of("42", "\"text\"", "null", "true")) {
            add("top level " + top, top, null, INVALID_REQUEST, true);
        }
        add("response to no request", "{\"jsonrpc\":\"2.0\",\"id\":\"r0\",\"result\":{}}", null, ANY, false);
        add("response with an object id", "{\"jsonrpc\":\"2.0\",\"id\":{},\"result\":{}}", null, INVALID_REQUEST,
                true);
        add("result and error", "{\"jsonrpc\":\"2.0\",\"id\":\"r1\",\"result\":{},\"error\":{\"code\":1,"
                + "\"message\":\"m\"}}", "r1", INVALID_REQUEST, true);
        add("error with a null id", "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"m\"}}",
                null, INVALID_REQUEST, false);
    }

    private void oddities() {
        for (String text : List.of("not json", "{", "{\"jsonrpc\":", "nul", "{\"jsonrpc\":\"2.0\"}}",
                "{\"jsonrpc\":\"2.0\",\"jsonrpc\":\"1.0\",\"id\":\"d0\",\"method\":\"ping\"}")) {
            add("unreadable " + text, text, null, PARSE_ERROR, true);
        }
        add("unicode message", "{\"jsonrpc\":\"2.0\",\"id\":\"ü-😀\",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"example_echo\",\"arguments\":{\"message\":\"héllo 😀 \\u2028 漢字 \\u0000\"}}}", "ü-😀", RESULT,
                true);
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        add("deep nesting in params", "{\"jsonrpc\":\"2.0\",\"id\":\"n0\",\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"example_echo\",\"arguments\":{\"message\":" + deep + "}}}", null, PARSE_ERROR, true);
        add("deep nesting", deep, null, PARSE_ERROR, true);
        add("huge number argument", RawHttp.toolCall(0, "example_echo", "{\"message\":1e999}").replace("\"id\":0",
                "\"id\":\"h0\""), "h0", ANY, true);
        add("number of 2000 digits", RawHttp.toolCall(0, "example_echo", "{\"message\":" + "9".repeat(2000) + "}"),
                null, PARSE_ERROR, true);
        add("huge progress", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":"
                + "{\"progressToken\":\"t\",\"progress\":1e400}}", null, RESULT, false);
    }

    private void add(String name, String body, Object id, int expected, boolean reply) {
        cases.add(new Case(name, body, id, expected, reply));
    }

    /** The code of an answer: 0 for a result, the error's code, or null if it is not a JSON-RPC answer. */
    static Integer code(JsonNode answer) {
        if (answer == null || !"2.0".equals(answer.path("jsonrpc").asText())) {
            return null;
        }
        if (answer.has("result") && !answer.has("error")) {
            return RESULT;
        }
        JsonNode error = answer.path("error");
        return error.path("code").isInt() && error.path("message").isTextual() ? error.get("code").asInt() : null;
    }

    static boolean matches(int expected, Integer actual) {
        return actual != null && (expected == ANY || expected == actual);
    }
}
