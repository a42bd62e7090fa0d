package io.mcpruntime.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

/** What the guard lets through of the SDK's error texts, on stdio's messages and in HTTP bodies and events. */
class ErrorGuardTest {
    private static final String NPE = "Cannot invoke \"io.modelcontextprotocol.spec.McpSchema$InitializeRequest"
            + ".capabilities()\" because \"initializeRequest\" is null";

    @Test
    void anInternalErrorTextIsAlwaysReplacedAnotherOnlyWhenItLeaks() {
        assertEquals("Internal error", ErrorGuard.safeMessage(-32603, "Serving tool x failed"));
        assertEquals("Invalid params", ErrorGuard.safeMessage(-32602, NPE));
        assertEquals("Invalid params", ErrorGuard.safeMessage(-32602, "bad\n\tat io.x.Y.z(Y.java:3)"));
        assertEquals("Request failed", ErrorGuard.safeMessage(-32001, "java.lang.IllegalStateException: x"));
        assertEquals("Unknown tool: sql_query", ErrorGuard.safeMessage(-32602, "Unknown tool: sql_query"));
    }

    @Test
    void stdioMessagesAreGuardedAndResultsLeftAlone() {
        McpSchema.JSONRPCResponse error = new McpSchema.JSONRPCResponse("2.0", 1, null,
                new McpSchema.JSONRPCResponse.JSONRPCError(-32603, NPE, "at io.x.Y.z(Y.java:3)"));
        McpSchema.JSONRPCResponse guarded = (McpSchema.JSONRPCResponse) ErrorGuard.guard(error);
        assertEquals("Internal error", guarded.error().message());
        assertEquals(null, guarded.error().data());
        assertEquals(1, guarded.id());
        McpSchema.JSONRPCResponse result = new McpSchema.JSONRPCResponse("2.0", 2, NPE, null);
        assertSame(result, ErrorGuard.guard(result));
    }

    @Test
    void httpBodiesAndEventStreamsAreGuarded() {
        String leaky = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"boom\"}}";
        String safe = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal error\"}}";
        assertEquals(safe, SanitizedErrorResponse.guardMessages(leaky));
        assertEquals("id: 7\nevent: message\ndata: " + safe + "\n\n",
                SanitizedErrorResponse.guardMessages("id: 7\nevent: message\ndata: " + leaky + "\n\n"));
        String toolResult = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\","
                + "\"text\":\"an \\\"error\\\" at java.lang.String\"}]}}";
        assertSame(toolResult, SanitizedErrorResponse.guardMessages(toolResult));
    }
}
