package io.mcpruntime.runtime.framework;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the embedded framework finds its system bundles, keeps its cache and watches for plugins.
 *
 * @param systemBundles folder of the bundles the kernel needs (SCR, ConfigAdmin, FileInstall and their deps)
 * @param plugins the watched plugins folder
 * @param workDir the bundle cache's parent, cleaned at every start
 * @param pollInterval how often FileInstall looks at the plugins folder
 * @param trust which plugin jars may be installed
 * @param nodeId this kernel's name in a cluster, or {@code null}: the framework property {@value #NODE_ID_PROPERTY},
 *     so plugins keep their data per node
 */
public record FrameworkSettings(Path systemBundles, Path plugins, Path workDir, Duration pollInterval,
        PluginTrust trust, String nodeId) {
    public static final String NODE_ID_PROPERTY = "mcp.node.id";
}
