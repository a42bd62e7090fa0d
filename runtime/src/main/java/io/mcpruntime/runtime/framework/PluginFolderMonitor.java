package io.mcpruntime.runtime.framework;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches what FileInstall does with the plugins folder and says, in one line per file, why a jar does not
 * serve: not a bundle, a bundle whose imports nothing provides, whose activator threw, or whose component failed.
 * Also tells when the initial scan has settled.
 */
final class PluginFolderMonitor implements SynchronousBundleListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginFolderMonitor.class);
    private static final Duration QUIET = Duration.ofMillis(150);
    private static final Duration GIVE_UP = Duration.ofSeconds(5);

    private final BundleContext context;
    private final Path folder;
    private final Duration resolveGrace;
    private final Supplier<Map<Path, String>> rejectedFiles;
    private final StartFailures startFailures;
    private final Function<Bundle, Signer> signers;
    private final ComponentFailures componentFailures;
    private final Map<Long, String> unresolved = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mcp-plugin-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastEventNanos = System.nanoTime();

    PluginFolderMonitor(BundleContext context, Path folder, Duration pollInterval,
            Supplier<Map<Path, String>> rejectedFiles, StartFailures startFailures, Function<Bundle, Signer> signers) {
        this.context = context;
        this.signers = signers;
        this.rejectedFiles = rejectedFiles;
        this.startFailures = startFailures;
        this.componentFailures = new ComponentFailures(context);
        this.folder = folder.toAbsolutePath().normalize();
        this.resolveGrace = pollInterval.multipliedBy(2).plusMillis(500);
        context.addBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        lastEventNanos = System.nanoTime();
        Bundle bundle = event.getBundle();
        Path file = fileOf(bundle);
        if (file == null || !folder.equals(file.getParent())) {
            return;
        }
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> {
                unresolved.remove(bundle.getBundleId());
                startFailures.forget(bundle.getLocation());
                LOG.info("Plugin file {} {}: {} {}", file.getFileName(),
                        event.getType() == BundleEvent.INSTALLED ? "installed" : "updated",
                        bundle.getSymbolicName(), bundle.getVersion());
                timer.schedule(() -> reportIfUnresolved(bundle, file), resolveGrace.toMillis(), TimeUnit.MILLISECONDS);
            }
            case BundleEvent.RESOLVED -> unresolved.remove(bundle.getBundleId());
            case BundleEvent.STARTED -> startFailures.forget(bundle.getLocation());
            case BundleEvent.UNINSTALLED -> LOG.info("Plugin file {} removed: {} {}", file.getFileName(),
                    bundle.getSymbolicName(), bundle.getVersion());
            default -> { }
        }
    }

    private void reportIfUnresolved(Bundle bundle, Path file) {
        if (bundle.getState() != Bundle.INSTALLED) {
            return;
        }
        if (System.nanoTime() - lastEventNanos < QUIET.toNanos()) {
            // FileInstall is still installing and starting bundles (a boot with many plugins takes longer than the
            // grace): resolving now would take the framework's global lock from under a bundle being started, and
            // Felix breaks such a deadlock by interrupting the start, which then fails
            timer.schedule(() -> reportIfUnresolved(bundle, file), resolveGrace.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
        if (bundle.getState() == Bundle.INSTALLED) {
            String problem = "cannot start: " + missingRequirements(bundle);
            unresolved.put(bundle.getBundleId(), problem);
            LOG.error("Plugin file {} ({} {}) {}", file.getFileName(), bundle.getSymbolicName(),
                    bundle.getVersion(), problem);
        }
    }

    private String missingRequirements(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return "it was uninstalled";
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        String missing = revision.getRequirements(null).stream()
                .filter(r -> !"optional".equals(r.getDirectives().get(Constants.RESOLUTION_DIRECTIVE)))
                .filter(r -> wiring.findProviders(r).isEmpty())
                .map(r -> r.getNamespace() + " " + r.getDirectives().get(Constants.FILTER_DIRECTIVE))
                .collect(Collectors.joining("; "));
        return missing.isEmpty() ? "it does not resolve" : "missing " + missing;
    }

    /**
     * Waits until FileInstall has dealt with every jar present in the folder now (installed it or rejected it) and
     * the framework has been quiet for a moment, so the first clients see the bundled tools. Gives up after a few
     * seconds. An empty folder has nothing to wait for (the test kit always starts on one).
     */
    void awaitInitialScan() throws InterruptedException, IOException {
        Set<Path> expected;
        try (Stream<Path> files = Files.list(folder)) {
            expected = files.filter(p -> p.toString().endsWith(".jar")).collect(Collectors.toSet());
        }
        if (expected.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            boolean quiet = System.nanoTime() - lastEventNanos > QUIET.toNanos();
            if (quiet && handledFiles().containsAll(expected)) {
                return;
            }
            Thread.sleep(20);
        }
        LOG.warn("The initial scan of the plugins folder did not settle within {} s", GIVE_UP.toSeconds());
    }

    private Set<Path> handledFiles() {
        Set<Path> handled = Stream.of(context.getBundles()).map(PluginFolderMonitor::fileOf)
                .filter(p -> p != null).collect(Collectors.toSet());
        handled.addAll(rejectedFiles.get().keySet());
        return handled;
    }

    /** Every jar of the folder: its bundle and state, or why it is rejected. */
    List<PluginFile> pluginFiles() {
        return files(this::problemOf);
    }

    /** The state of every jar of the folder, for each metrics scrape: why a bundle fails is not looked up. */
    List<String> pluginStates() {
        return files(bundle -> null).stream().map(PluginFile::state).toList();
    }

    /** @param problems why a bundle does not serve (finding a failed component takes SCR's DTOs, by reflection) */
    private List<PluginFile> files(Function<Bundle, String> problems) {
        List<PluginFile> files = new ArrayList<>();
        // a file refused as a replacement still has its bundle: the old version, which serves
        Map<Path, String> rejected = new java.util.HashMap<>(rejectedFiles.get());
        for (Bundle bundle : context.getBundles()) {
            Path file = fileOf(bundle);
            if (file != null && folder.equals(file.getParent()) && bundle.getState() != Bundle.UNINSTALLED) {
                String refusal = rejected.remove(file);
                files.add(new PluginFile(file.getFileName().toString(), bundle.getBundleId(),
                        bundle.getSymbolicName(), bundle.getVersion().toString(), stateName(bundle.getState()),
                        refusal != null ? refusal : problems.apply(bundle), signers.apply(bundle)));
            }
        }
        rejected.forEach((file, problem) -> files.add(new PluginFile(file.getFileName().toString(), -1,
                null, null, "REJECTED", problem, null)));
        files.sort(Comparator.comparing(PluginFile::file));
        return files;
    }

    /** Why the bundle does not serve: it does not resolve, its activator threw, or a component failed. */
    private String problemOf(Bundle bundle) {
        String unresolvable = unresolved.get(bundle.getBundleId());
        if (unresolvable != null) {
            return unresolvable;
        }
        String startFailure = startFailures.of(bundle.getLocation());
        if (startFailure != null || bundle.getState() != Bundle.ACTIVE) {
            return startFailure;
        }
        return componentFailures.of(bundle);
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "INSTALLED";
        };
    }

    static Path fileOf(Bundle bundle) {
        String location = bundle.getLocation();
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(location)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
        timer.shutdownNow();
    }
}
