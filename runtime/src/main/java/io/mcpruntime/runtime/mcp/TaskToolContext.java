package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * The context of a call run as a task: detached from the request that started it (answered at once with the task),
 * its progress becomes the task's status message, which {@code tasks/get} shows, and goes to the session as
 * progress notifications if the request asked for them (its progress token holds for the task's lifetime). Like a
 * stateless call's, it asks the client nothing (sampling, elicitation and roots answer "nothing"), so a task never
 * waits for input.
 */
final class TaskToolContext extends DetachedToolContext {
    private final ToolTask task;
    private final Object progressToken;
    private final SessionNotices notices;

    /** @param progressToken the token of the request that started the task, or null */
    TaskToolContext(String loggerName, Caller caller, ToolTask task, Object progressToken, SessionNotices notices) {
        super(loggerName, caller);
        this.task = task;
        this.progressToken = progressToken;
        this.notices = notices;
    }

    @Override
    public void progress(double progress, Double total, String message) {
        String done = total == null ? format(progress) : format(progress) + "/" + format(total);
        task.progress(message == null ? done : message + " (" + done + ")");
        if (progressToken != null && !isCancelled()) {
            notices.send(task.session(), McpSchema.METHOD_NOTIFICATION_PROGRESS,
                    new McpSchema.ProgressNotification(progressToken, progress, total, message,
                            Map.of(ToolTask.RELATED_TASK, Map.of("taskId", task.id()))));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
