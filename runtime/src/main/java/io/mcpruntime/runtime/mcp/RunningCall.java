package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.ToolResult;
import io.mcpruntime.runtime.ops.KernelMetrics;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.MonoSink;

/**
 * One tool call from its start to its one end, whichever comes first: the tool's result, its deadline passing, the
 * client cancelling it (or found gone), or the server shutting down. The first end answers the client (a cancelled
 * call gets no answer), is counted, and interrupts the tool if it is still running; later ones change nothing.
 */
final class RunningCall {
    private static final Logger LOG = LoggerFactory.getLogger(RunningCall.class);

    private final String tool;
    private final MonoSink<McpSchema.CallToolResult> sink;
    private final CancellableToolContext context;
    private final Duration deadline;
    private final long due;
    private final long started = System.nanoTime();
    private final KernelMetrics metrics;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Object interruptLock = new Object();
    private Thread runner; // guarded by interruptLock: the thread running the tool, while it runs
    private volatile Runnable onEnd = () -> { };

    /** @param contexts makes the call's context, given what to run when the client is found gone */
    RunningCall(String tool, Duration deadline, MonoSink<McpSchema.CallToolResult> sink,
            Function<Runnable, CancellableToolContext> contexts, KernelMetrics metrics) {
        this.tool = tool;
        this.sink = sink;
        this.metrics = metrics;
        this.deadline = deadline;
        this.due = started + deadline.toNanos();
        this.context = contexts.apply(this::cancel);
    }

    CancellableToolContext context() {
        return context;
    }

    /** Runs when the call ends, however it ends (at once if it has; it may then run twice, so be idempotent). */
    void onEnd(Runnable action) {
        this.onEnd = action;
        if (ended.get()) {
            action.run();
        }
    }

    String tool() {
        return tool;
    }

    /** When it started, in {@link System#nanoTime()}. */
    long started() {
        return started;
    }

    boolean isDue(long now) {
        return now - due >= 0;
    }

    /** Runs the tool on the current thread and answers with its result, unless the call ended first. */
    void execute(Supplier<McpSchema.CallToolResult> work) {
        synchronized (interruptLock) {
            if (ended.get()) {
                return; // cancelled or aborted before a thread took it up: the tool does not run at all
            }
            runner = Thread.currentThread();
        }
        McpSchema.CallToolResult result;
        try {
            result = work.get();
        } catch (RuntimeException e) { // the invoker answers plugin failures itself: this is the kernel's own
            LOG.error("A call of tool {} failed", tool, e);
            result = error("Tool '" + tool + "' failed with an internal error");
        } finally {
            synchronized (interruptLock) {
                runner = null;
            }
            Thread.interrupted(); // an interrupt was meant for the tool, not for the thread's next job
        }
        end(result, Boolean.TRUE.equals(result.isError()) ? "error" : "ok");
    }

    /** The deadline passed: the client is told so, and the tool is stopped. */
    void expire() {
        stop(error("Tool '" + tool + "' timed out after " + deadline.toSeconds() + " s and was cancelled"), "timeout");
    }

    /** The client cancelled the call or is gone: it gets no answer, and the tool is stopped. */
    void cancel() {
        stop(null, "cancelled");
    }

    /** The server is shutting down: the client is told so, and the tool is stopped. */
    void abort() {
        stop(error("Tool '" + tool + "' was cancelled: the server is shutting down"), "cancelled");
    }

    private static McpSchema.CallToolResult error(String message) {
        return SdkContent.toResult(ToolResult.error(message));
    }

    private void stop(McpSchema.CallToolResult answer, String outcome) {
        if (end(answer, outcome)) {
            context.cancel();
            synchronized (interruptLock) {
                if (runner != null) {
                    runner.interrupt();
                }
            }
        }
    }

    private boolean end(McpSchema.CallToolResult answer, String outcome) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        metrics.callEnded(tool, outcome, Duration.ofNanos(System.nanoTime() - started));
        try {
            if (answer == null) {
                sink.success(); // no response for a cancelled request
            } else {
                sink.success(answer); // written to the client before this returns
            }
        } finally {
            onEnd.run(); // only now: a shutdown waits for the answers of the calls it lets finish
        }
        return true;
    }
}
