package io.mcpruntime.runtime.console;

import io.mcpruntime.runtime.mcp.OpenSessions;
import io.mcpruntime.runtime.ops.PluginReport;
import io.mcpruntime.runtime.registry.AuditTrail;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.registry.ToolHints;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What the page shows of the server's structure, fetched again whenever the events say it changed. */
final class StateView {
    private static final int AUDIT_ENTRIES = 100;

    private final ConsoleSources sources;
    private final CsrfToken csrf;

    StateView(ConsoleSources sources, CsrfToken csrf) {
        this.sources = sources;
        this.csrf = csrf;
    }

    /** A served tool as the page lists it and builds its form from. */
    record ToolView(String name, String title, String description, List<String> tags, Map<String, Object> inputSchema,
            Map<String, Object> outputSchema, ToolHints hints, String plugin, String namespace) {
    }

    record State(String csrf, List<PluginReport.PluginStatus> plugins, List<ToolView> tools,
            List<OpenSessions.Session> sessions, List<AuditTrail.Entry> audit) {
    }

    State now() {
        List<ToolView> tools = sources.tools().get().stream()
                .sorted(Comparator.comparing(ToolDefinition::name))
                .map(t -> new ToolView(t.name(), t.title(), t.description(), t.tags().stream().sorted().toList(),
                        t.inputSchema(), t.outputSchema(), t.hints(), t.owner().symbolicName(),
                        t.owner().namespace()))
                .toList();
        return new State(csrf.value(), sources.plugins().plugins(), tools, sources.sessions().get(),
                sources.audit().apply(AUDIT_ENTRIES));
    }
}
