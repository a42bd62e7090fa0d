package io.mcpruntime.runtime.mcp;

import java.util.Locale;

/** The states of an MCP task (2025-11-25); the last three are terminal and never change again. */
enum TaskStatus {
    WORKING, INPUT_REQUIRED, COMPLETED, FAILED, CANCELLED;

    boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** As the wire spells it. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
