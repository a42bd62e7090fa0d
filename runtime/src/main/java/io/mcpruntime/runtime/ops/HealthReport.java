package io.mcpruntime.runtime.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.HealthStatus;
import io.mcpruntime.runtime.config.RuntimeVersion;
import io.mcpruntime.runtime.transport.OpsEndpoint;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code GET /health/live} (the process serves), {@code /health/ready} (transports up, initial plugin scan done,
 * not shutting down) and {@code /health} (a JSON summary: status, transport, plugin trust mode, calls running, every plugin with its
 * state, problem, and the health it reports). A broken plugin or one reporting DOWN makes the runtime DEGRADED,
 * which is still ready: the other plugins serve.
 */
public final class HealthReport {
    private static final String JSON = "application/json";

    private final Lifecycle lifecycle;
    private final PluginReport plugins;
    private final IntSupplier runningCalls;
    private final String transport;
    private final String pluginTrust;
    private final ObjectMapper mapper;
    private final Instant started = Instant.now();

    public HealthReport(Lifecycle lifecycle, PluginReport plugins, IntSupplier runningCalls, String transport,
            String pluginTrust, ObjectMapper mapper) {
        this.lifecycle = lifecycle;
        this.plugins = plugins;
        this.runningCalls = runningCalls;
        this.transport = transport;
        this.pluginTrust = pluginTrust;
        this.mapper = mapper;
    }

    /** The endpoints by path. */
    public Map<String, OpsEndpoint> endpoints() {
        return Map.of("/health/live", this::live, "/health/ready", this::ready, "/health", this::full);
    }

    private OpsEndpoint.Answer live() {
        return answer(200, Map.of("status", "UP"));
    }

    private OpsEndpoint.Answer ready() {
        if (!lifecycle.accepting()) {
            return answer(503, Map.of("status", "DOWN", "phase", lifecycle.phase().name()));
        }
        return answer(200, Map.of("status", status(plugins.plugins())));
    }

    private OpsEndpoint.Answer full() {
        List<PluginReport.PluginStatus> all = plugins.plugins();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", lifecycle.accepting() ? status(all) : "DOWN");
        body.put("phase", lifecycle.phase().name());
        body.put("version", RuntimeVersion.get());
        body.put("transport", transport);
        body.put("pluginTrust", pluginTrust);
        body.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
        body.put("runningCalls", runningCalls.getAsInt());
        body.put("plugins", all);
        return answer(lifecycle.accepting() ? 200 : 503, body);
    }

    /** UP, or DEGRADED when a plugin does not serve fully or reports itself unwell. */
    static String status(List<PluginReport.PluginStatus> plugins) {
        boolean degraded = plugins.stream().anyMatch(p -> p.problem() != null || !p.refused().isEmpty()
                || p.health() != null && p.health().state() != HealthStatus.State.UP);
        return degraded ? "DEGRADED" : "UP";
    }

    private OpsEndpoint.Answer answer(int status, Object body) {
        try {
            return new OpsEndpoint.Answer(status, JSON, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
