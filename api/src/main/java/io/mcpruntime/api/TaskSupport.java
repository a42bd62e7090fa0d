package io.mcpruntime.api;

/**
 * Whether a client may run a tool as an MCP task (protocol revision 2025-11-25): the call is answered at once with a
 * task id, the tool runs in the background, and the client polls for its status and fetches its result later. Meant
 * for long-running tools; the tool itself is written as any other (its {@link ToolContext#progress progress}
 * becomes the task's status message, and cancelling the task cancels its context).
 */
public enum TaskSupport {
    /** Only ordinary calls (the default). */
    FORBIDDEN,
    /** Ordinary calls or tasks, as the client chooses. */
    OPTIONAL,
    /** Only as a task: an ordinary call is refused. */
    REQUIRED
}
