package io.mcpruntime.runtime.framework;

/**
 * A jar in the plugins folder as the framework sees it.
 *
 * @param file the file name
 * @param bundleId the bundle installed from it, or -1 if it is not a bundle
 * @param state ACTIVE, RESOLVED, INSTALLED (cannot resolve), STARTING, STOPPING, or REJECTED (not a bundle)
 * @param problem why it does not serve, or {@code null}
 */
public record PluginFile(String file, long bundleId, String symbolicName, String version, String state,
        String problem) {
}
