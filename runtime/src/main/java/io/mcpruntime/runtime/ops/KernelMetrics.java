package io.mcpruntime.runtime.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mcpruntime.runtime.transport.OpsEndpoint;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The runtime's metrics (Micrometer, exposed as Prometheus text at {@code GET /metrics}): tool calls by tool and
 * outcome with a latency histogram, calls running, sessions opened, notifications sent, argument repairs, plugins
 * by state, and the JVM's own.
 */
public final class KernelMetrics {
    private static final List<String> PLUGIN_STATES = List.of("ACTIVE", "RESOLVED", "INSTALLED", "REJECTED");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Built once per tool and outcome, not per call: a builder makes its tags, id and histogram settings anew. */
    private final Map<CallKind, Timer> callTimers = new ConcurrentHashMap<>();

    private record CallKind(String tool, String outcome) {
    }

    /** @param pluginStates the state of each plugin file, asked on every scrape */
    public KernelMetrics(IntSupplier runningCalls, Supplier<List<String>> pluginStates) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("mcp.tool.calls.running", runningCalls::getAsInt)
                .description("Tool calls running now").register(registry);
        for (String state : PLUGIN_STATES) {
            Gauge.builder("mcp.plugins", () -> Collections.frequency(pluginStates.get(), state))
                    .tag("state", state).description("Plugin files by state").register(registry);
        }
    }

    /** Records a finished tool call. */
    public void callEnded(String tool, String outcome, Duration took) {
        callTimers.computeIfAbsent(new CallKind(tool, outcome), kind -> Timer.builder("mcp.tool.calls")
                .tag("tool", tool).tag("outcome", outcome)
                .description("Tool calls by tool and outcome (ok, error, timeout, cancelled)")
                .publishPercentileHistogram()
                .register(registry))
                .record(took);
    }

    /** One tool's calls since the start, whatever their outcome. */
    public record CallTotals(long count, double totalMillis) {
    }

    /** Every tool's calls since the start, by tool (from the same timers as {@code /metrics}). */
    public Map<String, CallTotals> callTotals() {
        Map<String, CallTotals> totals = new TreeMap<>();
        callTimers.forEach((kind, timer) -> totals.merge(kind.tool(),
                new CallTotals(timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)),
                (a, b) -> new CallTotals(a.count() + b.count(), a.totalMillis() + b.totalMillis())));
        return totals;
    }

    public void sessionOpened(String transport) {
        Counter.builder("mcp.sessions.opened").tag("transport", transport).description("MCP sessions initialized")
                .register(registry).increment();
    }

    public void notificationSent(String method) {
        Counter.builder("mcp.notifications.sent").tag("method", method)
                .description("Server notifications broadcast to clients (after coalescing)")
                .register(registry).increment();
    }

    public void argumentsRepaired(String tool) {
        Counter.builder("mcp.argument.repairs").tag("tool", tool)
                .description("Calls whose stringified JSON arguments were repaired").register(registry).increment();
    }

    public OpsEndpoint endpoint() {
        return () -> new OpsEndpoint.Answer(200, "text/plain; version=0.0.4", registry.scrape());
    }
}
