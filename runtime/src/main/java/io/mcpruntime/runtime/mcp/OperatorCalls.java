package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.Caller;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.transport.RequestContexts;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Tool calls an operator makes from the console: run by the same {@link ToolCallRunner} as a client's (the served
 * version, repair and validation, bulkhead, deadline, metrics), without a session, and answered as the
 * {@code tools/call} result a client reads on the wire.
 */
public final class OperatorCalls {
    private final ToolCallRunner runner;
    private final FeatureCatalog catalog;
    private final McpJsonMapper json;

    OperatorCalls(ToolCallRunner runner, FeatureCatalog catalog, McpJsonMapper json) {
        this.runner = runner;
        this.catalog = catalog;
        this.json = json;
    }

    /** Made with the kernel's runner, catalog and mapper. */
    public static OperatorCalls of(ToolCallRunner runner, FeatureCatalog catalog, SdkJson json) {
        return new OperatorCalls(runner, catalog, json.mapper());
    }

    /**
     * The result's JSON, or empty when no tool of that name is served. Blocks until the call ends. The caller's
     * scopes are checked as a client's are.
     */
    public Optional<String> call(String name, Map<String, Object> arguments, Caller caller) throws IOException {
        ToolDefinition tool = catalog.tool(name);
        if (tool == null) {
            return Optional.empty();
        }
        McpSchema.CallToolResult result;
        try {
            result = runner.runDetached(tool,
                    new McpSchema.CallToolRequest(name, arguments == null ? Map.of() : arguments),
                    RequestContexts.ofCaller(caller)).block();
        } catch (McpError refused) { // a client gets it as a JSON-RPC error; the page shows it as the call's error
            result = McpSchema.CallToolResult.builder().isError(true).addTextContent(refused.getMessage()).build();
        }
        return Optional.of(json.writeValueAsString(result));
    }
}
