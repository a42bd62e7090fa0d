package io.mcpruntime.runtime.ops;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Tool;
import io.mcpruntime.runtime.registry.AuditTrail;
import java.util.List;

/** The kernel's admin tools: the state of every plugin and why one does not serve; the audit trail. */
public final class AdminTools implements McpPlugin {
    private final PluginReport report;
    private final AuditTrail audit;

    public AdminTools(PluginReport report, AuditTrail audit) {
        this.report = report;
        this.audit = audit;
    }

    /** Registry changes, newest first. */
    public record Audit(List<AuditTrail.Entry> entries) {
    }

    /** All plugins of the folder. */
    public record Plugins(List<PluginReport.PluginStatus> plugins) {
    }

    @Tool(name = "plugins", readOnly = true, idempotent = true, openWorld = false,
            description = "Lists the plugin jars of this server: state, what each serves, and why one does not "
                    + "serve (a missing package, not a plugin, a namespace taken by another plugin).")
    public Plugins plugins() {
        return new Plugins(report.plugins());
    }

    @Tool(name = "audit", readOnly = true, idempotent = true, openWorld = false,
            description = "The latest changes of this server's plugins, newest first: which plugin (version, jar, "
                    + "SHA-256) was registered or withdrawn, which tools, resources and prompts were added, removed, "
                    + "replaced or refused, under which duplicate policy.")
    public Audit audit(@Param(description = "How many entries", defaultValue = "50", minimum = 1, maximum = 500)
            int limit) {
        return new Audit(audit.latest(limit));
    }
}
