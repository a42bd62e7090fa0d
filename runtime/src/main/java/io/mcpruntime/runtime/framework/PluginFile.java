package io.mcpruntime.runtime.framework;

/**
 * A jar in the plugins folder as the framework sees it.
 *
 * @param file the file name
 * @param bundleId the bundle installed from it, or -1 if it is not a bundle
 * @param state ACTIVE, RESOLVED, INSTALLED (cannot resolve), STARTING, STOPPING, or REJECTED (not a bundle, or refused by plugin-trust)
 * @param problem why it does not serve, or {@code null}
 * @param signer who signed the jar (known in {@code plugin-trust=signed}), or {@code null}
 */
public record PluginFile(String file, long bundleId, String symbolicName, String version, String state,
        String problem, Signer signer) {
}
