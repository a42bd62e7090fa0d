package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One tool call run as an MCP task: its state machine (working, then exactly one terminal status), its status
 * message, and its outcome, which {@code tasks/result} waits for. The first terminal transition wins; a call that
 * ends after its task was cancelled changes nothing.
 */
final class ToolTask {
    static final String RELATED_TASK = "io.modelcontextprotocol/related-task";

    private final String id;
    private final String session;
    private final String tool;
    private final Clock clock;
    private final Instant createdAt;
    private final Duration ttl;
    private final Duration pollInterval;
    private final Consumer<ToolTask> statusChanged;
    private final CompletableFuture<McpSchema.CallToolResult> outcome = new CompletableFuture<>();
    private TaskStatus status = TaskStatus.WORKING; // guarded by this, as are the two below
    private String statusMessage;
    private Instant lastUpdatedAt;
    private volatile Runnable stop = () -> { };

    /** @param statusChanged told of every status change, outside the task's lock */
    ToolTask(String id, String session, String tool, Clock clock, Duration ttl, Duration pollInterval,
            Consumer<ToolTask> statusChanged) {
        this.id = id;
        this.session = session;
        this.tool = tool;
        this.clock = clock;
        this.createdAt = clock.instant();
        this.lastUpdatedAt = createdAt;
        this.ttl = ttl;
        this.pollInterval = pollInterval;
        this.statusChanged = statusChanged;
    }

    String id() {
        return id;
    }

    String session() {
        return session;
    }

    String tool() {
        return tool;
    }

    /** What stops the running call: set once it runs, run when the task is cancelled. */
    void stopWith(Runnable stop) {
        this.stop = stop;
        if (status() == TaskStatus.CANCELLED) {
            stop.run();
        }
    }

    synchronized TaskStatus status() {
        return status;
    }

    boolean expired(Instant now) {
        return !now.isBefore(createdAt.plus(ttl));
    }

    /** The tool's progress: the status message of a task still working. */
    synchronized void progress(String message) {
        if (status == TaskStatus.WORKING) {
            statusMessage = message;
            lastUpdatedAt = clock.instant();
        }
    }

    /** The call answered: completed, or failed when the result is an error (as the spec has it for tools). */
    void finish(McpSchema.CallToolResult result) {
        boolean error = Boolean.TRUE.equals(result.isError());
        if (end(error ? TaskStatus.FAILED : TaskStatus.COMPLETED, error ? "The tool reported an error" : null)) {
            outcome.complete(result);
        }
    }

    /**
     * Cancels the task and stops its call. Its result is then an error result saying why.
     *
     * @return false if the task had already ended
     */
    boolean cancel(String message) {
        if (!end(TaskStatus.CANCELLED, message)) {
            return false;
        }
        outcome.complete(SdkContent.toResult(ToolResult.error(message)));
        stop.run();
        return true;
    }

    private boolean end(TaskStatus terminal, String message) {
        synchronized (this) {
            if (status.terminal()) {
                return false;
            }
            status = terminal;
            statusMessage = message;
            lastUpdatedAt = clock.instant();
        }
        statusChanged.accept(this);
        return true;
    }

    /** The call's result once the task has ended, with the task named in its {@code _meta}. */
    CompletableFuture<McpSchema.CallToolResult> result() {
        return outcome.thenApply(result -> {
            Map<String, Object> meta = new LinkedHashMap<>(result.meta() == null ? Map.of() : result.meta());
            meta.put(RELATED_TASK, Map.of("taskId", id));
            return new McpSchema.CallToolResult(result.content(), result.isError(), result.structuredContent(),
                    meta);
        });
    }

    /** The task as the wire shows it (the spec's {@code Task}). */
    synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("taskId", id);
        view.put("status", status.wireName());
        if (statusMessage != null) {
            view.put("statusMessage", statusMessage);
        }
        view.put("createdAt", createdAt.toString());
        view.put("lastUpdatedAt", lastUpdatedAt.toString());
        view.put("ttl", ttl.toMillis());
        view.put("pollInterval", pollInterval.toMillis());
        return view;
    }
}
