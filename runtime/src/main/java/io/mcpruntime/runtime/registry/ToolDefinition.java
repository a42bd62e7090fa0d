package io.mcpruntime.runtime.registry;

import java.util.Map;

/**
 * One tool as the registry knows it: its full (namespaced) name, metadata, JSON input schema and handler.
 * Free of any MCP SDK type, so the adapter is the only code that changes when the SDK does.
 */
public record ToolDefinition(
        String name,
        String title,
        String description,
        Map<String, Object> inputSchema,
        ToolHandler handler,
        PluginId owner) {
}
