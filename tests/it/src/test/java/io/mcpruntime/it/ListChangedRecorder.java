package io.mcpruntime.it;

import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Counts the tools/list_changed notifications one client receives. */
final class ListChangedRecorder implements Consumer<List<McpSchema.Tool>> {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void accept(List<McpSchema.Tool> tools) {
        synchronized (this) {
            count.incrementAndGet();
            notifyAll();
        }
    }

    int count() {
        return count.get();
    }

    /** Waits until at least {@code expected} notifications arrived; fails after the timeout. */
    synchronized void awaitCount(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (count.get() < expected) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("Expected " + expected + " list_changed notification(s), got " + count.get());
            }
            wait(left);
        }
    }
}
