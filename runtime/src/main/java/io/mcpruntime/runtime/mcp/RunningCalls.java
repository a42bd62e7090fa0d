package io.mcpruntime.runtime.mcp;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tool calls running now. One timer thread looks at their deadlines ten times a second: a timer task per call
 * (Reactor's {@code timeout}) cost every call a locked queue insert, a removal and a wake-up of the timer thread,
 * which was a measurable part of the kernel's per-call overhead. Deadlines are whole seconds, so 100 ms is precise
 * enough. At shutdown the calls still running are aborted with an answer.
 */
public final class RunningCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningCalls.class);
    private static final long TICK_MS = 100;

    private final Set<RunningCall> calls = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    /** @param timerThread makes the one thread that checks the deadlines */
    public RunningCalls(ThreadFactory timerThread) {
        this.timer = Executors.newSingleThreadScheduledExecutor(timerThread);
        timer.scheduleWithFixedDelay(this::expireDue, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void add(RunningCall call) {
        calls.add(call);
    }

    void remove(RunningCall call) {
        calls.remove(call);
    }

    /** The calls not yet answered. */
    public int count() {
        return calls.size();
    }

    /** A call not yet answered: which tool, since how long. */
    public record Running(String tool, long millis) {
    }

    /** The calls not yet answered, longest running first. */
    public List<Running> snapshot() {
        long now = System.nanoTime();
        return calls.stream().map(call -> new Running(call.tool(), (now - call.started()) / 1_000_000))
                .sorted(Comparator.comparingLong(Running::millis).reversed()).toList();
    }

    /** Ends every call still running with an answer that says the server is shutting down. */
    public void abortAll() {
        calls.forEach(RunningCall::abort);
    }

    private void expireDue() {
        long now = System.nanoTime();
        for (RunningCall call : calls) {
            if (call.isDue(now)) {
                try {
                    call.expire();
                } catch (RuntimeException e) { // the timer must go on for the other calls
                    LOG.warn("Ending a call at its deadline failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
