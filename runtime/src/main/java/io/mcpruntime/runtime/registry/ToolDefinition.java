package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.TaskSupport;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One tool as the registry knows it: its full (namespaced) name, metadata, JSON schemas and handler. Free of any
 * MCP SDK type, so the adapter is the only code that changes when the SDK does.
 *
 * @param inputSchema JSON Schema (as maps and lists) of the arguments
 * @param outputSchema JSON Schema of {@code structuredContent}, or {@code null}
 * @param timeout the tool's own deadline, or {@code null} for the runtime's
 * @param scopes OAuth scopes the tool itself needs (see {@link ToolScopes} for all it needs)
 * @param taskSupport whether clients may run it as an MCP task
 */
public record ToolDefinition(
        String name,
        String title,
        String description,
        Map<String, Object> inputSchema,
        Map<String, Object> outputSchema,
        Set<String> tags,
        ToolHints hints,
        Duration timeout,
        ToolHandler handler,
        PluginId owner,
        Set<String> scopes,
        TaskSupport taskSupport) implements Feature {

    public ToolDefinition {
        tags = Set.copyOf(tags);
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String key() {
        return name;
    }
}
