package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.ToolException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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
        /** When the drain under way gives up ({@link System#nanoTime}), or null; set and cleared under the gate. */
        volatile Long drainEnds;

        /** The calls holding a permit: running, or about to. */
        int running() {
            return maxConcurrent - permits.availablePermits();
        }

        /** Counts a call out; wakes a drain only when one waits, so that calls never meet on the gate's lock. */
        void ended() {
            permits.release();
            if (drainEnds != null && running() == 0) {
                synchronized (this) {
                    if (running() == 0) {
                        drainEnds = null; // drained: a later withdrawal starts a drain of its own
                    }
                    notifyAll();
                }
            }
        }
    }

    /** Runs the call inside the plugin's gate. */
    <T> T through(PluginId plugin, Call<T> call) throws Exception {
        return throughIf(plugin, () -> true, call, () -> null);
    }

    /**
     * Runs the call inside the plugin's gate if, once it holds a permit, it is still admitted, else {@code otherwise}.
     * A plugin being removed is withdrawn before it drains ({@link #awaitIdle}): checked after the permit is taken, a
     * call that looked the plugin up just before is either counted by the drain or not run.
     */
    <T> T throughIf(PluginId plugin, BooleanSupplier admitted, Call<T> call, Call<T> otherwise) throws Exception {
        Gate gate = gates.computeIfAbsent(plugin.bundleId(), id -> new Gate());
        // A free permit is taken at once, ahead of waiters: a strict queue hands every released permit to a parked
        // thread, and on a busy server that convoy halves throughput. Waiters still queue fairly among themselves.
        if (!gate.permits.tryAcquire() && !gate.permits.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ToolException("Plugin " + plugin + " is busy (" + maxConcurrent + " calls running); try again "
                    + "shortly");
        }
        try {
            return admitted.getAsBoolean() ? call.run() : otherwise.run();
        } finally {
            gate.ended();
        }
    }

    /**
     * Waits until the plugin has no call running, or its drain gives up; true if it is idle. The drain starts with
     * the first wait and lasts the timeout: a stopping plugin withdraws its services one after the other, and all of
     * them share it, so a plugin with a stuck call holds up its removal (and FileInstall) once, not once per service.
     */
    public boolean awaitIdle(long bundleId, Duration timeout) throws InterruptedException {
        Gate gate = gates.get(bundleId);
        if (gate == null) {
            return true;
        }
        synchronized (gate) {
            if (gate.drainEnds == null) {
                gate.drainEnds = System.nanoTime() + timeout.toNanos();
            }
            long ends = gate.drainEnds; // a call ending clears the field while this waits
            while (gate.running() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(ends - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                gate.wait(left);
            }
            gate.drainEnds = null;
        }
        return true;
    }

    /**
     * Drops the gate of an uninstalled plugin, so that gates do not pile up as plugins come and go; kept while one
     * of its calls still runs (a stuck one), which {@link #running} must go on counting.
     */
    public void forget(long bundleId) {
        gates.computeIfPresent(bundleId, (id, gate) -> gate.running() == 0 ? null : gate);
    }

    /** The number of calls running in all plugins. */
    public int running() {
        return gates.values().stream().mapToInt(Gate::running).sum();
    }

    /** A call that may throw. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }
}
