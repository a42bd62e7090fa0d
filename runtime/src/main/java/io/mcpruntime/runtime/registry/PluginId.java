package io.mcpruntime.runtime.registry;

import java.util.Set;

/**
 * Who contributed a tool: the plugin bundle (symbolic name and version) and the namespace it claimed.
 * Used in log lines and error messages so that a conflict always names both parties.
 *
 * @param scopes OAuth scopes all the plugin's tools need (its {@code MCP-Scopes} manifest header)
 */
public record PluginId(long bundleId, String symbolicName, String version, String namespace, Set<String> scopes) {

    /** The owner of the kernel's own tools (bundle 0, the framework; namespace mcp). */
    public static final PluginId KERNEL = new PluginId(0, "mcp-runtime", "kernel", "mcp");

    /** The manifest header a plugin names the scopes of all its tools in (comma- or space-separated). */
    public static final String SCOPES_HEADER = "MCP-Scopes";

    public PluginId {
        scopes = Set.copyOf(scopes);
    }

    /** A plugin whose tools need no scope of their own. */
    public PluginId(long bundleId, String symbolicName, String version, String namespace) {
        this(bundleId, symbolicName, version, namespace, Set.of());
    }

    /** The kernel's own features are not plugins: operator tag filters leave them be. */
    public boolean isKernel() {
        return bundleId == 0;
    }

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}
