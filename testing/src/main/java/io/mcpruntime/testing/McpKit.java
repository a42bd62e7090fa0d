package io.mcpruntime.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real mcp-runtime kernel in the test's JVM (embedded Felix, the plugin registry, the MCP adapter) with a temporary
 * plugins folder and a connected MCP client: the way to test a plugin.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final McpKit kit = McpKit.withPlugin(PluginJar.fromClasses());
 *
 * @Test
 * void greets() {
 *     kit.client().callTool("hello_greet", Map.of("name", "Ann")).assertText("Hello, Ann!");
 * }
 * }</pre>
 *
 * As a JUnit 5 extension in a static field it starts once for the test class, in an instance field once per test.
 * Without JUnit: {@code try (McpKit kit = McpKit.withPlugin(jar).start()) { ... }}.
 *
 * <p>Deploying, updating and removing plugins wait until the client has been told (list_changed); configuring waits
 * until the component has its configuration. Every wait fails the test after {@link #TIMEOUT}.
 */
public final class McpKit implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    /** How long the kit waits for the kernel or the client before it fails the test. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<PluginJar> plugins;
    private final Map<String, Map<String, ?>> configurations;
    private final List<String> runtimeArgs;
    private final List<McpTestClient> clients = new ArrayList<>();
    private boolean perClass;
    private Path root;
    private PluginFolder folder;
    private InProcessKernel kernel;
    private PluginChanges changes;

    private McpKit(Builder builder) {
        this.plugins = List.copyOf(builder.plugins);
        this.configurations = Map.copyOf(builder.configurations);
        this.runtimeArgs = List.copyOf(builder.runtimeArgs);
    }

    /** A kit that deploys this plugin at start. */
    public static McpKit withPlugin(PluginJar plugin) {
        return builder().plugin(plugin).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Boots the kernel on an empty plugins folder, connects the client, then deploys the plugins and waits until
     * they serve with their configurations.
     */
    public synchronized McpKit start() {
        if (root != null) {
            throw new IllegalStateException("The kit is running already");
        }
        try {
            boot();
            return this;
        } catch (RuntimeException | Error e) {
            closeAfter(e);
            throw e;
        } catch (Exception e) {
            closeAfter(e);
            throw new IllegalStateException("The kernel did not start: " + e.getMessage(), e);
        }
    }

    private void boot() throws Exception {
        root = TempFolders.create("mcp-kit-");
        folder = new PluginFolder(root);
        configurations.forEach(folder::putConfiguration);
        kernel = InProcessKernel.boot(folder.path(), runtimeArgs);
        System.err.println("mcp-runtime-testing: kernel started in " + kernel.bootTime().toMillis() + " ms");
        clients.add(McpTestClient.connect(kernel));
        changes = new PluginChanges(folder, kernel, clients.get(0).notifications());
        plugins.forEach(this::deploy);
        changes.awaitConfigured(configurations);
    }

    private void closeAfter(Throwable failure) {
        try {
            close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /** The client the kit connected at start; kit operations wait for its notifications. */
    public synchronized McpTestClient client() {
        requireRunning();
        return clients.get(0);
    }

    /** Another client, with a session of its own. */
    public synchronized McpTestClient newClient() {
        requireRunning();
        McpTestClient client = McpTestClient.connect(kernel);
        clients.add(client);
        return client;
    }

    /**
     * Puts the plugin's jar in the plugins folder and waits until the kernel serves it and the client, told by a
     * list_changed, lists its tools, resources and prompts.
     */
    public Plugin deploy(PluginJar jar) {
        Plugin plugin = new Plugin(changes(), jar.fileName());
        changes().put(plugin, jar);
        return plugin;
    }

    /**
     * Sets a component's configuration (ConfigAdmin, through a {@code <pid>.cfg} file as an operator would) and waits
     * until the component has it and, if it re-activated, serves again and the client was told. The PID is the
     * component's name (its class name) unless it says otherwise.
     */
    public void configure(String pid, Map<String, ?> properties) {
        changes().configure(pid, properties);
    }

    /**
     * Deletes a component's configuration and waits until no component has it, and the component is back without it
     * (or, if it requires a configuration, gone from the client's lists).
     */
    public void removeConfiguration(String pid) {
        changes().removeConfiguration(pid);
    }

    /** The watched plugins folder, for dropping files the kit does not make. */
    public Path pluginsFolder() {
        requireRunning();
        return folder.path();
    }

    /** How long the kernel took to boot. */
    public Duration bootTime() {
        requireRunning();
        return kernel.bootTime();
    }

    private PluginChanges changes() {
        requireRunning();
        return changes;
    }

    private void requireRunning() {
        if (kernel == null) {
            throw new IllegalStateException("The kit is not running: register it as a JUnit extension "
                    + "(@RegisterExtension) or call start()");
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (root == null) {
            return;
        }
        try {
            clients.forEach(McpTestClient::close);
            clients.clear();
            if (kernel != null) {
                kernel.close();
            }
        } finally {
            kernel = null;
            TempFolders.delete(root);
            root = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            close();
        }
    }

    /** What the kit starts with. */
    public static final class Builder {
        private final List<PluginJar> plugins = new ArrayList<>();
        private final Map<String, Map<String, ?>> configurations = new LinkedHashMap<>();
        private final List<String> runtimeArgs = new ArrayList<>();

        private Builder() {
        }

        /** A plugin deployed at start. */
        public Builder plugin(PluginJar plugin) {
            plugins.add(plugin);
            return this;
        }

        /** A configuration in place before the plugins start (see {@link McpKit#configure}). */
        public Builder configuration(String pid, Map<String, ?> properties) {
            configurations.put(pid, Map.copyOf(properties));
            return this;
        }

        /**
         * mcp-runtime's command-line flags, e.g. {@code "--on-duplicate", "warn"}; see docs/CONFIGURATION.md. The
         * kit's defaults differ from the server's in four: {@code --plugin-poll-ms 50}, {@code --swap-grace-ms 250},
         * {@code --no-router-tools} and {@code --no-admin-tools}.
         */
        public Builder runtimeArgs(String... args) {
            runtimeArgs.addAll(List.of(args));
            return this;
        }

        public McpKit build() {
            return new McpKit(this);
        }
    }
}
