package io.mcpruntime.runtime.registry;

import java.util.Set;

/**
 * Something a plugin contributes to MCP clients: a tool, resource, resource template, prompt or completion. The
 * catalog keeps all kinds under one policy; its key is unique across kinds.
 */
public sealed interface Feature
        permits ToolDefinition, ResourceDefinition, ResourceTemplateDefinition, PromptDefinition,
        CompletionDefinition {

    /** Unique across all features of all kinds, e.g. the tool name or {@code resource:<uri>}. */
    String key();

    PluginId owner();

    /** Tags for the operator's filter; only tools have them. */
    default Set<String> tags() {
        return Set.of();
    }
}
