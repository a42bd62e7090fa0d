package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginGatesTest {
    private static final PluginId PLUGIN = new PluginId(7, "com.acme.weather", "1.0.0", "weather");
    private static final Duration DRAIN = Duration.ofMillis(500);

    private final PluginGates gates = new PluginGates(4, Duration.ofSeconds(1));
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** Starts a call of the plugin that runs until the latch opens. */
    private Future<?> callUntil(CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Future<?> call = callers.submit(() -> gates.through(PLUGIN, () -> {
            running.countDown();
            return release.await(10, TimeUnit.SECONDS);
        }));
        assertTrue(running.await(5, TimeUnit.SECONDS));
        return call;
    }

    @Test
    void theServicesOfAStoppingPluginShareOneDrain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> stuck = callUntil(release);

        long start = System.nanoTime();
        assertFalse(gates.awaitIdle(PLUGIN.bundleId(), DRAIN), "the call outlasts the drain");
        assertFalse(gates.awaitIdle(PLUGIN.bundleId(), DRAIN), "the next service does not wait again");
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // one drain is 500 ms (give or take a millisecond of rounding), two would be 1000
        assertTrue(took > 450 && took < 850, "two withdrawals took " + took + " ms");

        release.countDown();
        stuck.get(5, TimeUnit.SECONDS);
        assertTrue(gates.awaitIdle(PLUGIN.bundleId(), DRAIN));
    }

    @Test
    void aDrainThatEndedLeavesTheNextOneItsWholeTimeout() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        Future<?> call = callUntil(first);
        assertFalse(gates.awaitIdle(PLUGIN.bundleId(), DRAIN));
        first.countDown();
        call.get(5, TimeUnit.SECONDS);

        CountDownLatch second = new CountDownLatch(1);
        Future<?> next = callUntil(second);
        callers.submit(() -> {
            Thread.sleep(DRAIN.toMillis() / 2);
            second.countDown();
            return null;
        });
        assertTrue(gates.awaitIdle(PLUGIN.bundleId(), DRAIN), "a new drain waits for the call that ends in time");
        next.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anUninstalledPluginWhoseCallStillRunsKeepsItsGate() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> stuck = callUntil(release);

        gates.forget(PLUGIN.bundleId());
        assertEquals(1, gates.running(), "the stuck call is still counted");
        assertFalse(gates.awaitIdle(PLUGIN.bundleId(), DRAIN), "and still drained");

        release.countDown();
        stuck.get(5, TimeUnit.SECONDS);
        gates.forget(PLUGIN.bundleId());
        assertEquals(0, gates.running());
        assertTrue(gates.awaitIdle(PLUGIN.bundleId(), DRAIN));
    }

    @Test
    void aCallNoLongerAdmittedOnceInsideTheGateDoesNotRunAndIsCountedOut() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        String answer = gates.throughIf(PLUGIN, () -> false, () -> {
            ran.set(true);
            return "ran";
        }, () -> "withdrawn");
        assertEquals("withdrawn", answer);
        assertFalse(ran.get());
        assertEquals(0, gates.running());
    }
}
