package io.mcpruntime.runtime.registry;

/**
 * What happens when a plugin claims a namespace or tool name another plugin holds ({@code MCP_ON_DUPLICATE}).
 * Whatever the policy, a shadowed plugin's tools come back when the plugin that displaced it goes away.
 */
public enum DuplicatePolicy {
    /** The plugin that came first keeps it; the newcomer's tools are refused (logged as an error). */
    ERROR,
    /** The newcomer takes over, with a warning. */
    WARN,
    /** The newcomer takes over quietly (logged at info level). */
    REPLACE
}
