package io.mcpruntime.sql;

import io.mcpruntime.api.HealthCheck;
import io.mcpruntime.api.HealthStatus;
import io.mcpruntime.sql.source.Health;
import io.mcpruntime.sql.source.Source;
import io.mcpruntime.sql.source.Sources;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's health in the runtime's {@code /health}: UP while every source answers (or was not needed yet),
 * DEGRADED when one is down, its breaker open, or its settings unusable. Never DOWN: the other sources, and the
 * other plugins, keep serving. Reads the states the calls and probes left; never touches a database.
 */
@Component
public class SqlHealth implements HealthCheck {
    @Reference
    private Sources sources;

    @Override
    public HealthStatus check() {
        List<Source> all = sources.all();
        List<String> trouble = all.stream()
                .filter(s -> s.health().state() == Health.State.DOWN || !"CLOSED".equals(s.breaker().state()))
                .map(s -> s.name() + ": " + s.health().message() + " (breaker " + s.breaker().state() + ")")
                .collect(Collectors.toList());
        sources.problems().forEach((name, problem) -> trouble.add(name + ": not usable: " + problem));
        String summary = all.stream().map(s -> s.name() + " " + s.health().state()).collect(Collectors.joining(", "));
        return trouble.isEmpty() ? HealthStatus.up("sources: " + summary)
                : HealthStatus.degraded(String.join("; ", trouble));
    }
}
