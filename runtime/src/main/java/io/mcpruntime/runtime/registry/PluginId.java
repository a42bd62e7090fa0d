package io.mcpruntime.runtime.registry;

/**
 * Who contributed a tool: the plugin bundle (symbolic name and version) and the namespace it claimed.
 * Used in log lines and error messages so that a conflict always names both parties.
 */
public record PluginId(long bundleId, String symbolicName, String version, String namespace) {

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}
