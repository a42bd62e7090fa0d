package io.mcpruntime.runtime.registry;

/** The behaviour hints of a tool, as MCP's tool annotations carry them. */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

    public static final ToolHints DEFAULT = new ToolHints(false, true, false, true);

    /** The hints as declared; a read-only tool is never destructive, whatever it says. */
    public static ToolHints of(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
        return new ToolHints(readOnly, destructive && !readOnly, idempotent, openWorld);
    }
}
