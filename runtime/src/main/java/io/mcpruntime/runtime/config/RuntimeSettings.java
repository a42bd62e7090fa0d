package io.mcpruntime.runtime.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the kernel is configured with, already resolved from command line, environment and defaults.
 *
 * @param transport how clients reach the server
 * @param host the HTTP bind address (127.0.0.1 unless told otherwise)
 * @param port the HTTP port (0 picks a free one)
 * @param plugins the watched plugins folder
 * @param systemBundles the folder of bundles the kernel itself needs
 * @param workDir scratch space (bundle cache); null means a temporary folder removed on exit
 * @param pluginPoll how often the plugins folder is scanned
 */
public record RuntimeSettings(
        Transport transport,
        String host,
        int port,
        Path plugins,
        Path systemBundles,
        Path workDir,
        Duration pluginPoll) {

    public enum Transport { HTTP, STDIO }
}
