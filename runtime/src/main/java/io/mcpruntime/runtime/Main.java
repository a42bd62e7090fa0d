package io.mcpruntime.runtime;

import io.mcpruntime.runtime.config.RuntimeSettings;
import io.mcpruntime.runtime.config.RuntimeSettings.Transport;
import io.mcpruntime.runtime.config.RuntimeVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code mcp-runtime} command: parses settings (flags, then {@code MCP_*} variables, then defaults) and serves. */
@Command(name = "mcp-runtime", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Serves the tools of the plugin jars in a folder to MCP clients; plugins can be added, "
                + "replaced and removed while it runs.")
public final class Main implements Callable<Integer> {

    @Option(names = "--stdio", description = "Serve one client over stdin/stdout (for clients that spawn the "
            + "server). Same as MCP_TRANSPORT=stdio.")
    boolean stdio;

    @Option(names = "--http", description = "Serve Streamable HTTP (the default). Same as MCP_TRANSPORT=http.")
    boolean http;

    @Option(names = "--host", defaultValue = "${env:MCP_HOST:-127.0.0.1}", paramLabel = "ADDRESS",
            description = "HTTP bind address (env MCP_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:MCP_PORT:-8080}",
            description = "HTTP port, 0 for any free one (env MCP_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--plugins", defaultValue = "${env:MCP_PLUGINS_DIR}", paramLabel = "DIR",
            description = "The plugins folder to watch (env MCP_PLUGINS_DIR, default <home>/plugins).")
    Path plugins;

    @Option(names = "--system-bundles", defaultValue = "${env:MCP_SYSTEM_BUNDLES_DIR}", paramLabel = "DIR",
            description = "The kernel's own bundles (env MCP_SYSTEM_BUNDLES_DIR, default <home>/system).")
    Path systemBundles;

    @Option(names = "--work-dir", defaultValue = "${env:MCP_WORK_DIR}", paramLabel = "DIR",
            description = "Scratch folder for the bundle cache (env MCP_WORK_DIR, default a temporary folder).")
    Path workDir;

    @Option(names = "--plugin-poll-ms", defaultValue = "${env:MCP_PLUGIN_POLL_MS:-200}", paramLabel = "MS",
            description = "How often the plugins folder is scanned (env MCP_PLUGIN_POLL_MS, default ${DEFAULT-VALUE}).")
    long pluginPollMillis;

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RuntimeSettings settings = settings();
        return settings.transport() == Transport.STDIO
                ? new StdioServer(settings).run()
                : new HttpServer(settings).run();
    }

    RuntimeSettings settings() {
        Path home = Path.of(System.getProperty("mcp.home", "."));
        return new RuntimeSettings(transport(), host, port,
                plugins != null ? plugins : home.resolve("plugins"),
                systemBundles != null ? systemBundles : home.resolve("system"),
                workDir,
                Duration.ofMillis(pluginPollMillis));
    }

    private Transport transport() {
        if (stdio && http) {
            throw new CommandLine.ParameterException(new CommandLine(this), "Choose one of --stdio and --http");
        }
        if (stdio || http) {
            return stdio ? Transport.STDIO : Transport.HTTP;
        }
        String fromEnv = System.getenv().getOrDefault("MCP_TRANSPORT", "http").toUpperCase(Locale.ROOT);
        return Transport.valueOf(fromEnv.equals("STREAMABLE-HTTP") ? "HTTP" : fromEnv);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mcp-runtime " + RuntimeVersion.get()};
        }
    }
}
