package io.mcpruntime.bench;

/** The few JSON-RPC messages the benchmark sends, written as text once so that sending them costs nothing. */
public final class JsonRpc {
    public static final String PROTOCOL_VERSION = "2025-06-18";
    public static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    public static final String TOOLS_LIST_CHANGED = "notifications/tools/list_changed";

    private JsonRpc() {
    }

    public static String initialize(long id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + PROTOCOL_VERSION + "\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"mcp-bench\",\"version\":\"1\"}}}";
    }

    /** A tools/call of an echo tool; every call gets its own id, as every real client request does. */
    public static String callEcho(long id, String tool) {
        return callTool(id, tool, "{\"message\":\"hello\"}");
    }

    /** A tools/call with these arguments (a JSON object, as text). */
    public static String callTool(long id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    public static String listTools(long id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}";
    }

    /** Whether an answer is a result, and not a tool error: the load generators count anything else as failed. */
    public static boolean isResult(String answer) {
        return answer.contains("\"result\"") && !answer.contains("\"isError\":true");
    }

    /** The numeric id of an answer ({@code "id":123}), or -1 for a notification. */
    public static long idOf(String message) {
        int at = message.indexOf("\"id\":");
        if (at < 0) {
            return -1;
        }
        int start = at + 5;
        int end = start;
        while (end < message.length() && Character.isDigit(message.charAt(end))) {
            end++;
        }
        return end == start ? -1 : Long.parseLong(message, start, end, 10);
    }
}
