package io.mcpruntime.runtime.mcp;

import java.util.Locale;

/**
 * The states of an MCP task (2025-11-25) that the kernel's tasks go through; the last three are terminal and never
 * change again. Not {@code input_required}: a task's context asks its client nothing (see {@link TaskToolContext}).
 */
enum TaskStatus {
    WORKING, COMPLETED, FAILED, CANCELLED;

    boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** As the wire spells it. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
