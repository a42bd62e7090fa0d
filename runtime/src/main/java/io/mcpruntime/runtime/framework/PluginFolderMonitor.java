package io.mcpruntime.runtime.framework;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * serve: not a bundle, or a bundle whose imports nothing provides. Also tells when the initial scan has settled.
 */
public final class PluginFolderMonitor implements SynchronousBundleListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginFolderMonitor.class);
    private static final Duration QUIET = Duration.ofMillis(150);
    private static final Duration GIVE_UP = Duration.ofSeconds(5);

    private final BundleContext context;
    private final Path folder;
    private final Duration resolveGrace;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mcp-plugin-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastEventNanos = System.nanoTime();

    public PluginFolderMonitor(BundleContext context, Path folder, Duration pollInterval) {
        this.context = context;
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
        if (event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED) {
            if (bundle.getHeaders().get(Constants.BUNDLE_SYMBOLICNAME) == null) {
                LOG.error("Plugin file {} is not an OSGi bundle (no Bundle-SymbolicName in its manifest); it is ignored",
                        file.getFileName());
                return;
            }
            timer.schedule(() -> reportIfUnresolved(bundle, file), resolveGrace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void reportIfUnresolved(Bundle bundle, Path file) {
        if (bundle.getState() != Bundle.INSTALLED) {
            return;
        }
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
        if (bundle.getState() == Bundle.INSTALLED) {
            LOG.error("Plugin file {} ({} {}) cannot start: {}", file.getFileName(), bundle.getSymbolicName(),
                    bundle.getVersion(), missingRequirements(bundle));
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
     * Waits until every jar present in the folder now has been installed by FileInstall and the framework has
     * been quiet for a moment, so the first clients see the bundled tools. Gives up after a few seconds.
     */
    public void awaitInitialScan() throws InterruptedException, IOException {
        Set<Path> expected;
        try (Stream<Path> files = Files.list(folder)) {
            expected = files.filter(p -> p.toString().endsWith(".jar")).collect(Collectors.toSet());
        }
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            boolean quiet = System.nanoTime() - lastEventNanos > QUIET.toNanos();
            if (quiet && installedFiles().containsAll(expected)) {
                return;
            }
            if (System.nanoTime() - lastEventNanos > Duration.ofSeconds(1).toNanos()) {
                break; // nothing happens any more: the rest are files FileInstall could not install
            }
            Thread.sleep(20);
        }
        Set<Path> missing = expected.stream().filter(p -> !installedFiles().contains(p)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            LOG.error("Plugin file(s) {} could not be installed (not a valid jar?)",
                    missing.stream().map(Path::getFileName).toList());
        }
    }

    private Set<Path> installedFiles() {
        return Stream.of(context.getBundles()).map(PluginFolderMonitor::fileOf)
                .filter(p -> p != null).collect(Collectors.toSet());
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
