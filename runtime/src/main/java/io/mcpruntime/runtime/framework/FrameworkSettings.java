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
 */
public record FrameworkSettings(Path systemBundles, Path plugins, Path workDir, Duration pollInterval,
        PluginTrust trust) {
}
