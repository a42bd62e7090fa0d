package io.mcpruntime.testing;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Looks at kernel state every few milliseconds until it is as expected; fails the test after the kit's timeout. */
final class Poll {
    private Poll() {
    }

    static <T> T until(Supplier<T> probe, Predicate<T> done, Supplier<String> what) {
        long deadline = System.nanoTime() + McpKit.TIMEOUT.toNanos();
        T value;
        while (!done.test(value = probe.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + McpKit.TIMEOUT.toSeconds() + " s for " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what.get(), e);
            }
        }
        return value;
    }
}
