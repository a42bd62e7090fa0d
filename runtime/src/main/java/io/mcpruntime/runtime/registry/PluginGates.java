package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.ToolException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One gate per plugin: a bulkhead (at most N calls of a plugin run at once; more wait a bounded time, then fail
 * with a clear message) and the count of its running calls, which lets a plugin being replaced or removed finish
 * them before it stops. One slow or stuck plugin cannot take the workers the others need.
 */
public final class PluginGates {
    private final int maxConcurrent;
    private final Duration queueTimeout;
    private final Map<Long, Gate> gates = new ConcurrentHashMap<>();

    public PluginGates(int maxConcurrent, Duration queueTimeout) {
        this.maxConcurrent = maxConcurrent;
        this.queueTimeout = queueTimeout;
    }

    private final class Gate {
        final Semaphore permits = new Semaphore(maxConcurrent, true);
        final AtomicInteger running = new AtomicInteger();
    }

    /** Runs the call inside the plugin's gate. */
    <T> T through(PluginId plugin, Call<T> call) throws Exception {
        Gate gate = gates.computeIfAbsent(plugin.bundleId(), id -> new Gate());
        if (!gate.permits.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ToolException("Plugin " + plugin + " is busy (" + maxConcurrent + " calls running); try again "
                    + "shortly");
        }
        gate.running.incrementAndGet();
        try {
            return call.run();
        } finally {
            synchronized (gate) {
                gate.running.decrementAndGet();
                gate.notifyAll();
            }
            gate.permits.release();
        }
    }

    /** Waits until the plugin has no call running, or the timeout passes; true if it is idle. */
    public boolean awaitIdle(long bundleId, Duration timeout) throws InterruptedException {
        Gate gate = gates.get(bundleId);
        if (gate == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (gate) {
            while (gate.running.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                gate.wait(left);
            }
        }
        return true;
    }

    /** The number of calls running in all plugins. */
    public int running() {
        return gates.values().stream().mapToInt(g -> g.running.get()).sum();
    }

    /** A call that may throw. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }
}
