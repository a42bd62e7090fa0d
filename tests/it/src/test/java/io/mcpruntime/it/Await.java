package io.mcpruntime.it;

import java.time.Duration;
import java.util.function.Predicate;

/** Polls what the server shows (a metric, a health status, a tool's answer) until it is as wanted. */
final class Await {
    private static final Duration POLL = Duration.ofMillis(50);

    /** A look at the server, which may fail (HTTP). */
    @FunctionalInterface
    interface Probe<T> {
        T look() throws Exception;
    }

    private Await() {
    }

    /** The first value that is as wanted; fails naming {@code what} and the last value seen after the timeout. */
    static <T> T until(Probe<T> probe, Predicate<T> wanted, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.look();
        while (!wanted.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within " + timeout.toMillis() + " ms; last seen: " + value);
            }
            Thread.sleep(POLL.toMillis());
            value = probe.look();
        }
        return value;
    }
}
