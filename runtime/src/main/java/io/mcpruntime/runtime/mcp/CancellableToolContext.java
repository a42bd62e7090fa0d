package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.Caller;
import io.mcpruntime.api.ToolContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cancellation half of a call's {@link ToolContext}: the flag, the interrupt check and the callbacks. */
public abstract class CancellableToolContext implements ToolContext {
    private static final Logger LOG = LoggerFactory.getLogger(CancellableToolContext.class);

    private final List<Runnable> cancelCallbacks = new CopyOnWriteArrayList<>();
    private final Caller caller;
    private volatile boolean cancelled;

    CancellableToolContext(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    @Override
    public void onCancel(Runnable callback) {
        cancelCallbacks.add(callback);
        if (cancelled && cancelCallbacks.remove(callback)) {
            runQuietly(callback);
        }
    }

    void cancel() {
        cancelled = true;
        for (Runnable callback : cancelCallbacks) {
            if (cancelCallbacks.remove(callback)) {
                runQuietly(callback);
            }
        }
    }

    private static void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("A cancel callback failed: {}", e.toString());
        }
    }
}
