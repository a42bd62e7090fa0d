package io.mcpruntime.runtime.mcp;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Turns bursts of {@code notifications/.../list_changed} into one notification per session: the SDK sends one per
 * added or removed tool, so a plugin with 20 tools (or ten plugins at boot) would flood every client. Changes are
 * held until the registry has been quiet for a short moment, then each pending method is sent once.
 */
public final class ListChangedCoalescer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListChangedCoalescer.class);

    private final Duration quietPeriod;
    private final BiFunction<String, Object, Mono<Void>> sender;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mcp-list-changed");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> flush;

    /** @param sender sends one notification to every client of the transport */
    public ListChangedCoalescer(Duration quietPeriod, BiFunction<String, Object, Mono<Void>> sender) {
        this.quietPeriod = quietPeriod;
        this.sender = sender;
    }

    static boolean isListChanged(String method) {
        return method.startsWith("notifications/") && method.endsWith("/list_changed");
    }

    /** Notifications go through here: list_changed ones are coalesced, any other is sent at once. */
    public Mono<Void> notifyClients(String method, Object params) {
        if (!isListChanged(method)) {
            return sender.apply(method, params);
        }
        pending.add(method);
        schedule();
        return Mono.empty();
    }

    private synchronized void schedule() {
        if (flush != null) {
            flush.cancel(false);
        }
        flush = timer.schedule(this::flush, quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void flush() {
        for (String method : Set.copyOf(pending)) {
            pending.remove(method);
            sender.apply(method, null).subscribe(null, e -> LOG.debug("Sending {} failed: {}", method, e.toString()));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
