package io.mcpruntime.runtime.registry;

/** The behaviour hints of a tool, as MCP's tool annotations carry them. */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

    public static final ToolHints DEFAULT = new ToolHints(false, true, false, true);
}
