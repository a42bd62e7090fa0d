package io.mcpruntime.it;

import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Records the tools/list_changed notifications one client receives: when, and the tool list it then fetched. */
final class ListChangedRecorder implements Consumer<List<McpSchema.Tool>> {
    /** One notification: when the client had it, and the names of the tools it listed then. */
    record Notice(Instant at, List<String> tools) {
    }

    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    @Override
    public void accept(List<McpSchema.Tool> tools) {
        synchronized (this) {
            notices.add(new Notice(Instant.now(), tools.stream().map(McpSchema.Tool::name).toList()));
            notifyAll();
        }
    }

    int count() {
        return notices.size();
    }

    List<Notice> notices() {
        return List.copyOf(notices);
    }

    /** Waits until at least {@code expected} notifications arrived; fails after the timeout. */
    synchronized void awaitCount(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (notices.size() < expected) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("Expected " + expected + " list_changed notification(s), got "
                        + notices.size());
            }
            wait(left);
        }
    }
}
