package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.Caller;

/**
 * The context of a call run as a task: detached from the request that started it (answered at once with the task),
 * its progress becomes the task's status message, which {@code tasks/get} shows.
 */
final class TaskToolContext extends DetachedToolContext {
    private final ToolTask task;

    TaskToolContext(String loggerName, Caller caller, ToolTask task) {
        super(loggerName, caller);
        this.task = task;
    }

    @Override
    public void progress(double progress, Double total, String message) {
        String done = total == null ? format(progress) : format(progress) + "/" + format(total);
        task.progress(message == null ? done : message + " (" + done + ")");
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
