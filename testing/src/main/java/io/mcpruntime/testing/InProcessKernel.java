package io.mcpruntime.testing;

import io.mcpruntime.runtime.Kernel;
import io.mcpruntime.runtime.Main;
import io.mcpruntime.runtime.mcp.McpServerBinding;
import io.mcpruntime.runtime.registry.AuditTrail;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.transport.StdioTransportProvider;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;

/**
 * The real kernel (embedded Felix, registry, MCP adapter) in this JVM, watching a given plugins folder. Each client
 * gets its own MCP server session on the kernel's stdio transport, over in-memory pipes instead of stdin/stdout.
 */
final class InProcessKernel implements AutoCloseable {
    /**
     * Kit defaults, each applied unless the test passes the option itself: a fast folder poll, a short swap grace
     * (so a removal is announced quickly), and no kernel tools (tools/list shows the plugin's tools only).
     */
    private static final Map<String, List<String>> DEFAULTS = Map.of(
            "--plugin-poll-ms", List.of("--plugin-poll-ms", "50"),
            "--swap-grace-ms", List.of("--swap-grace-ms", "250"),
            "--router-tools", List.of("--no-router-tools"),
            "--admin-tools", List.of("--no-admin-tools"));

    private final Kernel kernel;
    private final Duration bootTime;
    private final List<McpServerBinding> bindings = new ArrayList<>();

    private InProcessKernel(Kernel kernel, Duration bootTime) {
        this.kernel = kernel;
        this.bootTime = bootTime;
    }

    /** Boots with the plugins already in the folder serving; {@code runtimeArgs} are mcp-runtime's flags. */
    static InProcessKernel boot(Path plugins, List<String> runtimeArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--plugins", plugins.toString(),
                "--system-bundles", SystemBundles.folder().toString()));
        DEFAULTS.forEach((option, flags) -> {
            if (runtimeArgs.stream().noneMatch(arg -> names(arg, option))) {
                args.addAll(flags);
            }
        });
        args.addAll(runtimeArgs);
        long started = System.nanoTime();
        Kernel kernel = Kernel.boot(Main.parse(args.toArray(String[]::new)));
        kernel.markReady();
        return new InProcessKernel(kernel, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Whether the argument sets the option: {@code --x}, {@code --x=v} or, for a boolean, {@code --no-x}. */
    private static boolean names(String arg, String option) {
        String name = arg.split("=", 2)[0];
        return name.equals(option) || name.equals("--no-" + option.substring(2));
    }

    /** A new session: the returned transport is the client's end of it. */
    synchronized StreamClientTransport connect(McpJsonMapper clientJson) {
        MemoryPipe toServer = new MemoryPipe();
        MemoryPipe toClient = new MemoryPipe();
        StdioTransportProvider server = kernel.stdioTransport(toServer.input, toClient.output);
        bindings.add(kernel.bind(server));
        server.start();
        return new StreamClientTransport(clientJson, toClient.input, toServer.output);
    }

    Duration bootTime() {
        return bootTime;
    }

    AuditTrail audit() {
        return kernel.audit();
    }

    FeatureCatalog catalog() {
        return kernel.catalog();
    }

    BundleContext bundleContext() {
        return kernel.bundleContext();
    }

    @Override
    public synchronized void close() throws Exception {
        bindings.forEach(McpServerBinding::close);
        kernel.close();
    }
}
