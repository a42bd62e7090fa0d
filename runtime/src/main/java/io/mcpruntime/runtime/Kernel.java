package io.mcpruntime.runtime;

import io.mcpruntime.runtime.config.RuntimeSettings;
import io.mcpruntime.runtime.config.RuntimeVersion;
import io.mcpruntime.runtime.console.ConsoleSources;
import io.mcpruntime.runtime.framework.EmbeddedFramework;
import io.mcpruntime.runtime.framework.FrameworkSettings;
import io.mcpruntime.runtime.mcp.CompletionInterceptor;
import io.mcpruntime.runtime.mcp.InFlightCalls;
import io.mcpruntime.runtime.mcp.McpServerBinding;
import io.mcpruntime.runtime.mcp.OpenSessions;
import io.mcpruntime.runtime.mcp.OperatorCalls;
import io.mcpruntime.runtime.mcp.RunningCalls;
import io.mcpruntime.runtime.mcp.SdkFeatures;
import io.mcpruntime.runtime.mcp.SessionNotices;
import io.mcpruntime.runtime.mcp.TaskAdvertisement;
import io.mcpruntime.runtime.mcp.TaskInterceptor;
import io.mcpruntime.runtime.mcp.SdkJson;
import io.mcpruntime.runtime.mcp.ServerIdentity;
import io.mcpruntime.runtime.mcp.ToolCallRunner;
import io.mcpruntime.runtime.ops.AdminTools;
import io.mcpruntime.runtime.ops.HealthChecks;
import io.mcpruntime.runtime.ops.HealthReport;
import io.mcpruntime.runtime.ops.KernelMetrics;
import io.mcpruntime.runtime.ops.Lifecycle;
import io.mcpruntime.runtime.ops.PluginReport;
import io.mcpruntime.runtime.registry.ToolScopes;
import io.mcpruntime.runtime.registry.AuditTrail;
import io.mcpruntime.runtime.registry.ComponentScanner;
import io.mcpruntime.runtime.registry.ComponentTracker;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.McpToolTracker;
import io.mcpruntime.runtime.registry.PluginGates;
import io.mcpruntime.runtime.registry.PluginId;
import io.mcpruntime.runtime.registry.RouterTools;
import io.mcpruntime.runtime.registry.ToolInvoker;
import io.mcpruntime.runtime.transport.DiscoverInterceptor;
import io.mcpruntime.runtime.transport.OpsEndpoint;
import io.mcpruntime.runtime.transport.RequestInterceptor;
import io.mcpruntime.runtime.transport.StdioTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

/**
 * The running kernel without its transports: the framework with its plugins, the tool catalog that follows them,
 * and the worker threads tool calls run on. Transports are bound to it with {@link #bind}.
 */
public final class Kernel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);
    /** How long calls cancelled at shutdown get to write their answer. */
    private static final Duration CANCELLED_CALLS_ANSWER = Duration.ofSeconds(1);

    private final SdkJson json = SdkJson.create();
    /** Grows with the calls running (bulkheads bound each plugin); idle threads go after 10 s. */
    private final ExecutorService workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
            new SynchronousQueue<>(), daemonThreads("mcp-tool-"));
    private final RuntimeSettings settings;
    private final FeatureCatalog catalog;
    private final ToolInvoker invoker;
    private final InFlightCalls inFlight = new InFlightCalls();
    private final OpenSessions sessions = new OpenSessions(inFlight::countBySession);
    private final RunningCalls running = new RunningCalls(daemonThreads("mcp-call-deadlines-"));
    private final AuditTrail audit = new AuditTrail(500, bundle -> this.framework.signerOf(bundle));
    private final PluginGates gates;
    private final KernelMetrics metrics;
    private final SdkFeatures features;
    private final ToolScopes scopes;
    private final RequestInterceptor interceptor;
    private final SessionNotices taskNotices = new SessionNotices();
    /** Tool calls run as MCP tasks; none without sessions (stateless HTTP). */
    private final TaskInterceptor tasks;
    private final OperatorCalls operatorCalls;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final Lifecycle lifecycle = new Lifecycle();
    private EmbeddedFramework framework;
    private volatile PluginReport plugins;

    private Kernel(RuntimeSettings settings, Path workDir, boolean ownsWorkDir) {
        this.settings = settings;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.catalog = new FeatureCatalog(settings.onDuplicate(), settings.tagFilter(), settings.swapGrace());
        this.gates = new PluginGates(settings.pluginMaxConcurrent(), settings.pluginQueueTimeout());
        this.metrics = new KernelMetrics(gates::running,
                () -> framework == null ? List.of() : framework.pluginStates());
        this.invoker = new ToolInvoker(json.objectMapper(), json.argumentValidator(), settings.repairArguments(),
                settings.maskErrorDetails(), gates, catalog, metrics::argumentsRepaired);
        this.scopes = new ToolScopes(settings.oauth() == null ? Map.of() : settings.oauth().toolScopes());
        ToolCallRunner runner = new ToolCallRunner(workers, invoker, inFlight, running, settings.clientRequestTimeout(),
                settings.requestTimeout(), catalog, metrics, scopes);
        this.operatorCalls = OperatorCalls.of(runner, catalog, json);
        this.features = new SdkFeatures(runner, Schedulers.fromExecutorService(workers, "mcp-tool"), catalog,
                metrics, scopes);
        this.tasks = settings.stateless() ? null
                : TaskInterceptor.of(runner, catalog, json.mapper(), settings.taskMaxTtl(), taskNotices);
        List<RequestInterceptor> interceptors = new ArrayList<>(List.of(new DiscoverInterceptor(), inFlight,
                new CompletionInterceptor(catalog, json.mapper(), features)));
        if (tasks != null) {
            interceptors.addAll(List.of(tasks, new TaskAdvertisement(json.objectMapper(), catalog)));
            catalog.subscribe(present -> (added, removed) -> tasks.featuresRemoved(removed));
        }
        this.interceptor = RequestInterceptor.firstOf(interceptors);
    }

    /** Starts the framework and waits (briefly) until the plugins already in the folder serve. */
    public static Kernel boot(RuntimeSettings settings) throws Exception {
        boolean temporary = settings.workDir() == null;
        Kernel kernel = new Kernel(settings,
                temporary ? Files.createTempDirectory("mcp-runtime-") : settings.workDir(), temporary);
        try {
            kernel.framework = EmbeddedFramework.start(new FrameworkSettings(settings.systemBundles(),
                    settings.plugins(), kernel.workDir, settings.pluginPoll(), settings.pluginTrust(), settings.nodeId()));
            kernel.openTrackers();
            kernel.framework.awaitInitialScan();
            return kernel;
        } catch (Exception | Error e) {
            kernel.close();
            throw e;
        }
    }

    /** Starts following plugin services (closed with the framework); adds the router tools if enabled. */
    private void openTrackers() {
        ComponentScanner scanner = new ComponentScanner(json.objectMapper());
        if (settings.routerTools()) {
            catalog.register(scanner.scan(new RouterTools(catalog, invoker, scopes), PluginId.KERNEL));
        }
        plugins = new PluginReport(settings.plugins(), framework::pluginFiles, catalog, new HealthChecks(framework.context(), workers));
        if (settings.adminTools()) {
            catalog.register(scanner.scan(new AdminTools(plugins, audit), PluginId.KERNEL));
        }
        framework.context().addBundleListener(event -> {
            if (event.getType() == BundleEvent.UNINSTALLED) {
                gates.forget(event.getBundle().getBundleId());
            }
        });
        new ComponentTracker(framework.context(), catalog, scanner, gates, settings.pluginDrainTimeout(), audit)
                .open();
        new McpToolTracker(framework.context(), catalog, json.objectMapper(), gates, settings.pluginDrainTimeout(),
                audit).open();
    }

    /** The health (and metrics) endpoints, for the HTTP server of the given transport. */
    public Map<String, OpsEndpoint> opsEndpoints(String transport) {
        Map<String, OpsEndpoint> endpoints = new HashMap<>(
                new HealthReport(lifecycle, plugins, gates::running, transport,
                        settings.pluginTrust().signed() ? "signed" : "any", json.objectMapper()).endpoints());
        endpoints.put("/metrics", metrics.endpoint());
        return endpoints;
    }

    /** The OAuth scopes the tools served now need, for the protected resource metadata. */
    public Set<String> scopesInUse() {
        return scopes.inUse(catalog.tools());
    }

    /** What the operator console shows and does: the same reports, trail, meters and call path as the rest. */
    public ConsoleSources consoleSources() {
        return new ConsoleSources(plugins, catalog::tools, audit::latest, running::snapshot, sessions::snapshot,
                metrics::callTotals, () -> List.of(framework.pluginFiles(), audit.latest(1), sessions.changes()),
                operatorCalls::call, settings.plugins());
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** Transports are up: requests are taken from now on. */
    public void markReady() {
        lifecycle.moveTo(Lifecycle.Phase.READY);
    }

    /**
     * Shuts down gracefully: new requests are refused, the plugins folder is no longer watched, and the calls
     * running now may finish within the timeout; those still running then are interrupted, so that they answer
     * "cancelled" before the transports close. Tool calls run as tasks are cancelled at once.
     */
    public void drain(Duration timeout) throws Exception {
        lifecycle.moveTo(Lifecycle.Phase.DRAINING);
        if (tasks != null) {
            tasks.shutdown(); // no client will fetch their results from a server that is going away
        }
        framework.stopWatching();
        awaitCalls(System.nanoTime() + timeout.toNanos());
        if (running.count() > 0) {
            LOG.warn("Shutting down with {} call(s) still running after {} s: cancelling them", running.count(),
                    timeout.toSeconds());
            running.abortAll(); // answered and interrupted before the transports close, instead of being cut off
            awaitCalls(System.nanoTime() + CANCELLED_CALLS_ANSWER.toNanos());
        }
    }

    /** Until every call is answered and no tool runs any more (an aborted tool may take a moment to stop). */
    private void awaitCalls(long deadline) throws InterruptedException {
        while ((running.count() > 0 || gates.running() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The framework's own bundle context: for tools that watch plugins from outside, such as the test kit. */
    public BundleContext bundleContext() {
        return framework.context();
    }

    /** The registry's changes, newest first; each recorded after the catalog passed it to the MCP servers. */
    public AuditTrail audit() {
        return audit;
    }

    public SdkJson json() {
        return json;
    }

    public FeatureCatalog catalog() {
        return catalog;
    }

    /** What transports put in front of the SDK: the requests the kernel answers itself. */
    public RequestInterceptor interceptor() {
        return interceptor;
    }

    /** One client over a pair of streams (stdin/stdout, or the test kit's pipes), answered by this kernel. */
    public StdioTransportProvider stdioTransport(InputStream in, OutputStream out) {
        StdioTransportProvider transport = new StdioTransportProvider(json.mapper(), in, out, interceptor,
                lifecycle::shuttingDown);
        taskNotices.add(transport);
        return transport;
    }

    public McpServerBinding bind(McpServerTransportProvider transport) {
        return McpServerBinding.bind(transport, identity(), catalog, features, sessions);
    }

    public McpServerBinding bind(McpStreamableServerTransportProvider transport) {
        taskNotices.add(transport);
        return McpServerBinding.bind(transport, identity(), catalog, features, sessions);
    }

    public McpServerBinding bind(McpStatelessServerTransport transport) {
        return McpServerBinding.bind(transport, identity(), catalog, features);
    }

    private ServerIdentity identity() {
        return new ServerIdentity("mcp-runtime", RuntimeVersion.get(), json, settings.clientRequestTimeout());
    }

    @Override
    public void close() throws Exception {
        if (framework != null) {
            framework.close();
        }
        lifecycle.moveTo(Lifecycle.Phase.STOPPED);
        running.close();
        workers.shutdownNow();
        if (ownsWorkDir) {
            deleteRecursively(workDir);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
