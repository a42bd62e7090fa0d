package io.mcpruntime.runtime.registry;

/**
 * Who contributed a tool: the plugin bundle (symbolic name and version) and the namespace it claimed.
 * Used in log lines and error messages so that a conflict always names both parties.
 */
public record PluginId(long bundleId, String symbolicName, String version, String namespace) {

    /** The owner of the kernel's own tools (bundle 0, the framework; namespace mcp). */
    public static final PluginId KERNEL = new PluginId(0, "mcp-runtime", "kernel", "mcp");

    /** The kernel's own features are not plugins: operator tag filters leave them be. */
    public boolean isKernel() {
        return bundleId == 0;
    }

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}
