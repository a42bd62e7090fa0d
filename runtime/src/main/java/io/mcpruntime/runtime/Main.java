package io.mcpruntime.runtime;

import io.mcpruntime.runtime.config.PropertiesDefaults;
import io.mcpruntime.runtime.config.RuntimeSettings;
import io.mcpruntime.runtime.config.RuntimeSettings.Transport;
import io.mcpruntime.runtime.config.RuntimeVersion;
import io.mcpruntime.runtime.framework.PluginTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.mcpruntime.runtime.registry.DuplicatePolicy;
import io.mcpruntime.runtime.registry.TagFilter;
import io.mcpruntime.runtime.transport.NodeSessionIds;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code mcp-runtime} command: parses settings (flags, then {@code MCP_*} variables, then defaults) and serves. */
@Command(name = "mcp-runtime", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        addMethodSubcommands = false, // it has none; picocli would look through every method at each start
        description = "Serves the tools of the plugin jars in a folder to MCP clients; plugins can be added, "
                + "replaced and removed while it runs.")
public final class Main implements Callable<Integer> {
    /** Injected by picocli: the settings' errors name the command that parsed them (a new one costs ~4 ms). */
    @Spec
    CommandSpec spec;

    @Option(names = "--stdio", description = "Serve one client over stdin/stdout (for clients that spawn the "
            + "server). Same as MCP_TRANSPORT=stdio.")
    boolean stdio;

    @Option(names = "--http", description = "Serve Streamable HTTP (the default). Same as MCP_TRANSPORT=http.")
    boolean http;

    @Option(names = "--transport", defaultValue = "${env:MCP_TRANSPORT:-http}", paramLabel = "KIND", hidden = true,
            description = "http or stdio; set it as MCP_TRANSPORT or transport= in runtime.properties.")
    String transport;

    @Option(names = "--cds-training", hidden = true, description = "The run bin/mcp-runtime-cds records with.")
    boolean cdsTraining;

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

    @Option(names = "--plugin-poll-ms", defaultValue = "${env:MCP_PLUGIN_POLL_MS:-100}", paramLabel = "MS",
            description = "How often the plugins folder is scanned (env MCP_PLUGIN_POLL_MS, default ${DEFAULT-VALUE}).")
    long pluginPollMillis;

    @Option(names = "--on-duplicate", defaultValue = "${env:MCP_ON_DUPLICATE:-error}", paramLabel = "POLICY",
            converter = DuplicatePolicyConverter.class,
            description = "When a plugin claims a namespace or tool name another holds: error (keep the first), "
                    + "warn or replace (the newcomer wins) (env MCP_ON_DUPLICATE, default ${DEFAULT-VALUE}).")
    DuplicatePolicy onDuplicate;

    @Option(names = "--include-tags", defaultValue = "${env:MCP_INCLUDE_TAGS:-}", split = ",", paramLabel = "TAG",
            description = "Serve only tools with one of these tags (env MCP_INCLUDE_TAGS, comma-separated).")
    Set<String> includeTags;

    @Option(names = "--exclude-tags", defaultValue = "${env:MCP_EXCLUDE_TAGS:-}", split = ",", paramLabel = "TAG",
            description = "Never serve tools with one of these tags (env MCP_EXCLUDE_TAGS, comma-separated).")
    Set<String> excludeTags;

    @Option(names = "--repair-arguments", negatable = true, fallbackValue = "true",
            defaultValue = "${env:MCP_REPAIR_ARGUMENTS:-true}",
            description = "Repair object/array arguments sent as JSON strings; --no-repair-arguments is strict "
                    + "(env MCP_REPAIR_ARGUMENTS, default ${DEFAULT-VALUE}).")
    boolean repairArguments;

    @Option(names = "--router-tools", negatable = true, fallbackValue = "true",
            defaultValue = "${env:MCP_ROUTER_TOOLS:-true}",
            description = "Serve mcp_find_tools and mcp_call_tool for clients that ignore list_changed "
                    + "(env MCP_ROUTER_TOOLS, default ${DEFAULT-VALUE}).")
    boolean routerTools;

    @Option(names = "--admin-tools", negatable = true, fallbackValue = "true",
            defaultValue = "${env:MCP_ADMIN_TOOLS:-true}",
            description = "Serve mcp_plugins, which shows every plugin's state and problems "
                    + "(env MCP_ADMIN_TOOLS, default ${DEFAULT-VALUE}).")
    boolean adminTools;

    @Option(names = "--client-request-timeout", defaultValue = "${env:MCP_CLIENT_REQUEST_TIMEOUT:-300}",
            paramLabel = "SECONDS", description = "How long sampling, elicitation and roots requests to the client "
                    + "may take (env MCP_CLIENT_REQUEST_TIMEOUT, default ${DEFAULT-VALUE}).")
    long clientRequestTimeoutSeconds;

    @Option(names = "--allowed-hosts", defaultValue = "${env:MCP_ALLOWED_HOSTS:-}", split = ",", paramLabel = "HOST",
            description = "Host header values accepted besides localhost/127.0.0.1/[::1] (and the bind address); "
                    + "* accepts any (env MCP_ALLOWED_HOSTS).")
    List<String> allowedHosts;

    @Option(names = "--allowed-origins", defaultValue = "${env:MCP_ALLOWED_ORIGINS:-}", split = ",",
            paramLabel = "ORIGIN", description = "Origin header values accepted besides loopback origins, e.g. "
                    + "https://app.example.com; * accepts any (env MCP_ALLOWED_ORIGINS).")
    List<String> allowedOrigins;

    @Option(names = "--max-request-bytes", defaultValue = "${env:MCP_MAX_STREAM_SIZE:-10485760}", paramLabel = "BYTES",
            description = "Largest request body accepted; larger ones get 413 (env MCP_MAX_STREAM_SIZE, default "
                    + "${DEFAULT-VALUE}).")
    int maxRequestBytes;

    @Option(names = "--request-timeout", defaultValue = "${env:MCP_REQUEST_TIMEOUT:-120}", paramLabel = "SECONDS",
            description = "Deadline of a tool call unless the tool declares its own (env MCP_REQUEST_TIMEOUT, "
                    + "default ${DEFAULT-VALUE}).")
    long requestTimeoutSeconds;

    @Option(names = "--mask-error-details", negatable = true, fallbackValue = "true",
            defaultValue = "${env:MCP_MASK_ERROR_DETAILS:-true}",
            description = "Give clients a generic message for unexpected tool failures; --no-mask-error-details adds "
                    + "the exception's message (env MCP_MASK_ERROR_DETAILS, default ${DEFAULT-VALUE}).")
    boolean maskErrorDetails;

    @Option(names = "--plugin-max-concurrent", defaultValue = "${env:MCP_PLUGIN_MAX_CONCURRENT:-16}", paramLabel = "N",
            description = "Most calls of one plugin running at once (env MCP_PLUGIN_MAX_CONCURRENT, default "
                    + "${DEFAULT-VALUE}).")
    int pluginMaxConcurrent;

    @Option(names = "--plugin-queue-timeout", defaultValue = "${env:MCP_PLUGIN_QUEUE_TIMEOUT:-5}",
            paramLabel = "SECONDS", description = "How long a call waits when its plugin is at its limit, then fails "
                    + "(env MCP_PLUGIN_QUEUE_TIMEOUT, default ${DEFAULT-VALUE}).")
    long pluginQueueTimeoutSeconds;

    @Option(names = "--plugin-drain-timeout", defaultValue = "${env:MCP_PLUGIN_DRAIN_TIMEOUT:-10}",
            paramLabel = "SECONDS", description = "How long a replaced or removed plugin may finish its running calls "
                    + "(env MCP_PLUGIN_DRAIN_TIMEOUT, default ${DEFAULT-VALUE}).")
    long pluginDrainTimeoutSeconds;

    @Option(names = "--swap-grace-ms", defaultValue = "${env:MCP_SWAP_GRACE_MS:-3000}", paramLabel = "MS",
            description = "How long the tools of a plugin being replaced stay listed and calls wait for the new "
                    + "version; a deleted plugin's go at once (env "
                    + "MCP_SWAP_GRACE_MS, default ${DEFAULT-VALUE}).")
    long swapGraceMillis;

    @Option(names = "--task-max-ttl", defaultValue = "${env:MCP_TASK_MAX_TTL:-3600}", paramLabel = "SECONDS",
            description = "The longest a tool call run as an MCP task is kept (a client's ttl above it is lowered; "
                    + "expired tasks are gone and a running one is cancelled) (env MCP_TASK_MAX_TTL, "
                    + "default ${DEFAULT-VALUE}).")
    long taskMaxTtlSeconds;

    @Option(names = "--shutdown-timeout", defaultValue = "${env:MCP_GRACEFUL_SHUTDOWN_TIMEOUT:-30}",
            paramLabel = "SECONDS", description = "How long running calls may finish on SIGTERM/SIGINT (env "
                    + "MCP_GRACEFUL_SHUTDOWN_TIMEOUT, default ${DEFAULT-VALUE}).")
    long shutdownTimeoutSeconds;

    @Option(names = "--admin-port", defaultValue = "${env:MCP_ADMIN_PORT}", paramLabel = "PORT",
            description = "In stdio mode, serve /health and /metrics on this port (env MCP_ADMIN_PORT; off by "
                    + "default). In HTTP mode they are on the main port.")
    Integer adminPort;

    @Option(names = "--session-idle-timeout", defaultValue = "${env:MCP_SESSION_IDLE_TIMEOUT:-1800}",
            paramLabel = "SECONDS", description = "An HTTP session without an open stream expires after this long "
                    + "(up to twice that); its id then gets 404 (env MCP_SESSION_IDLE_TIMEOUT, default "
                    + "${DEFAULT-VALUE}).")
    long sessionIdleTimeoutSeconds;

    @Option(names = "--legacy-sse", negatable = true, fallbackValue = "true",
            defaultValue = "${env:MCP_LEGACY_SSE:-true}",
            description = "Also serve the legacy SSE transport (GET /sse, POST /message) for clients of the "
                    + "2024-11-05 protocol (env MCP_LEGACY_SSE, default ${DEFAULT-VALUE}).")
    boolean legacySse;

    @Option(names = "--stateless", negatable = true, fallbackValue = "true",
            defaultValue = "${env:MCP_STATELESS:-false}",
            description = "Serve HTTP without sessions, for deployments behind a load balancer: no notifications, "
                    + "no progress, logging or sampling during calls (env MCP_STATELESS, default ${DEFAULT-VALUE}).")
    boolean stateless;

    @Option(names = "--console", negatable = true, fallbackValue = "true",
            defaultValue = "${env:MCP_CONSOLE:-true}",
            description = "In HTTP mode, serve the operator console at /console, behind the same auth as /mcp (env "
                    + "MCP_CONSOLE, default ${DEFAULT-VALUE}; never in stdio mode).")
    boolean console;

    @Option(names = "--plugin-trust", defaultValue = "${env:MCP_PLUGIN_TRUST:-any}", paramLabel = "MODE",
            description = "any (every plugin jar runs) or signed (only jars signed by a certificate that chains to "
                    + "--plugin-truststore) (env MCP_PLUGIN_TRUST, default ${DEFAULT-VALUE}).")
    String pluginTrust;

    @Option(names = "--plugin-truststore", defaultValue = "${env:MCP_PLUGIN_TRUSTSTORE}", paramLabel = "PATH",
            description = "The certificates trusted to sign plugins: a PKCS12 file or a folder of PEM files (env "
                    + "MCP_PLUGIN_TRUSTSTORE).")
    Path pluginTruststore;

    @Option(names = "--plugin-truststore-password-file", defaultValue = "${env:MCP_PLUGIN_TRUSTSTORE_PASSWORD_FILE}",
            paramLabel = "FILE", description = "A file holding the PKCS12 truststore's password (env "
                    + "MCP_PLUGIN_TRUSTSTORE_PASSWORD_FILE; or the password itself in MCP_PLUGIN_TRUSTSTORE_PASSWORD).")
    Path pluginTruststorePasswordFile;

    @Option(names = "--node-id", defaultValue = "${env:MCP_NODE_ID}", paramLabel = "NAME",
            description = "This kernel's name in a cluster behind a reverse proxy: HTTP session ids become "
                    + "NAME.<id> and legacy SSE messages go to /node/NAME/message, so the proxy can pin them "
                    + "(env MCP_NODE_ID; none by default). Letters, digits, '-' and '_'.")
    String nodeId;

    @CommandLine.Mixin
    AuthOptions auth = new AuthOptions();

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().setExecutionExceptionHandler(Main::startFailed).execute(args));
    }

    /** A server that cannot start says why in one line (the trace is logged at DEBUG), and exits 1. */
    private static int startFailed(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        LoggerFactory.getLogger(Main.class).debug("Start failed", failure);
        commandLine.getErr().println("mcp-runtime could not start: "
                + (failure.getMessage() != null ? failure.getMessage() : failure));
        return 1;
    }

    /** The command with its defaults: flags, then MCP_* variables, then conf/runtime.properties. */
    static CommandLine commandLine() {
        String config = System.getenv().getOrDefault("MCP_CONFIG",
                Path.of(System.getProperty("mcp.home", "."), "conf", "runtime.properties").toString());
        return new CommandLine(new Main()).setDefaultValueProvider(new PropertiesDefaults(Path.of(config)));
    }

    /**
     * The settings these arguments give, resolved as {@code mcp-runtime} resolves its command line (flags, then
     * {@code MCP_*} variables, then {@code conf/runtime.properties}, then defaults): for running a kernel in-process.
     */
    public static RuntimeSettings parse(String... args) {
        CommandLine commandLine = commandLine();
        commandLine.parseArgs(args);
        return commandLine.<Main>getCommand().settings();
    }

    /** The command line that parsed these settings, for errors that name them; made anew only when none did. */
    private CommandLine command() {
        return spec != null ? spec.commandLine() : new CommandLine(this);
    }

    @Override
    public Integer call() throws Exception {
        RuntimeSettings settings = settings();
        if (cdsTraining) {
            return CdsTraining.run(new HttpServer(settings));
        }
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
                Duration.ofMillis(pluginPollMillis),
                onDuplicate,
                new TagFilter(withoutBlanks(includeTags), withoutBlanks(excludeTags)),
                repairArguments,
                routerTools,
                adminTools,
                Duration.ofSeconds(clientRequestTimeoutSeconds),
                List.copyOf(withoutBlanks(allowedHosts)),
                List.copyOf(withoutBlanks(allowedOrigins)),
                maxRequestBytes,
                auth.bearerToken(command()),
                Duration.ofSeconds(requestTimeoutSeconds),
                maskErrorDetails,
                pluginMaxConcurrent,
                Duration.ofSeconds(pluginQueueTimeoutSeconds),
                Duration.ofSeconds(pluginDrainTimeoutSeconds),
                Duration.ofMillis(swapGraceMillis),
                Duration.ofSeconds(shutdownTimeoutSeconds),
                adminPort,
                Duration.ofSeconds(sessionIdleTimeoutSeconds),
                legacySse,
                stateless,
                pluginTrust(),
                nodeId(),
                auth.oauth(command()),
                console,
                Duration.ofSeconds(taskMaxTtlSeconds));
    }

    /** The truststore's password from a file or the environment, never a flag (it would show in a process list). */
    private PluginTrust pluginTrust() {
        boolean signed = switch (pluginTrust.trim().toLowerCase(Locale.ROOT)) {
            case "any" -> false;
            case "signed" -> true;
            default -> throw new CommandLine.ParameterException(command(),
                    "--plugin-trust must be any or signed, not '" + pluginTrust + "'");
        };
        if (!signed) {
            return PluginTrust.ANY;
        }
        if (pluginTruststore == null) {
            throw new CommandLine.ParameterException(command(),
                    "--plugin-trust=signed needs --plugin-truststore (MCP_PLUGIN_TRUSTSTORE)");
        }
        String password = System.getenv("MCP_PLUGIN_TRUSTSTORE_PASSWORD");
        if (pluginTruststorePasswordFile != null) {
            try {
                password = Files.readString(pluginTruststorePasswordFile).strip();
            } catch (IOException e) {
                throw new CommandLine.ParameterException(command(),
                        "cannot read --plugin-truststore-password-file " + pluginTruststorePasswordFile);
            }
        }
        return new PluginTrust(true, pluginTruststore, password);
    }

    /** Blank is none; anything else must be safe in a header, a URL path and an nginx map key. */
    private String nodeId() {
        if (nodeId == null || nodeId.isBlank()) {
            return null;
        }
        String id = nodeId.trim();
        if (!NodeSessionIds.NODE_ID.matcher(id).matches()) {
            throw new CommandLine.ParameterException(command(),
                    "--node-id must be 1 to 32 letters, digits, '-' or '_', not '" + nodeId + "'");
        }
        return id;
    }

    private static Set<String> withoutBlanks(Collection<String> values) {
        return values == null ? Set.of()
                : values.stream().map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }

    private Transport transport() {
        if (stdio && http) {
            throw new CommandLine.ParameterException(command(), "Choose one of --stdio and --http");
        }
        if (stdio || http) {
            return stdio ? Transport.STDIO : Transport.HTTP;
        }
        String chosen = transport.toUpperCase(Locale.ROOT);
        return Transport.valueOf(chosen.equals("STREAMABLE-HTTP") ? "HTTP" : chosen);
    }

    static final class DuplicatePolicyConverter implements CommandLine.ITypeConverter<DuplicatePolicy> {
        @Override
        public DuplicatePolicy convert(String value) {
            return DuplicatePolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mcp-runtime " + RuntimeVersion.get()};
        }
    }
}
