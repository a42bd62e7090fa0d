package io.mcpruntime.runtime.ops;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Tool;
import java.util.List;

/** The kernel's admin tool: the state of every plugin and why one does not serve. */
public final class AdminTools implements McpPlugin {
    private final PluginReport report;

    public AdminTools(PluginReport report) {
        this.report = report;
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
}
