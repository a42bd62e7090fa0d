package io.mcpruntime.runtime.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache Felix framework embedded in the kernel's JVM: the plugin API and SLF4J exported from the host, the
 * system bundles started, FileInstall watching the plugins folder.
 */
public final class EmbeddedFramework implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFramework.class);
    private static final String FILEINSTALL = "org.apache.felix.fileinstall";

    private final Framework framework;
    private PluginFolderMonitor monitor;
    private StartFailures startFailures;
    private FolderWake wake;
    private SignedPluginInstaller signed;

    private EmbeddedFramework(Framework framework) {
        this.framework = framework;
    }

    public static EmbeddedFramework start(FrameworkSettings settings)
            throws BundleException, IOException, ClassNotFoundException {
        Files.createDirectories(settings.plugins());
        Framework framework = new Felix(configuration(settings));
        framework.init();
        framework.start();
        EmbeddedFramework embedded = new EmbeddedFramework(framework);
        embedded.startSystemBundles(settings);
        return embedded;
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** The jars of the plugins folder, with their state and why they do not serve. */
    public List<PluginFile> pluginFiles() {
        return monitor.pluginFiles();
    }

    /** The state of each jar of the plugins folder (cheap: no reason looked up). */
    public List<String> pluginStates() {
        return monitor.pluginStates();
    }

    /** Waits (briefly) until the plugins already in the folder at start have been dealt with. */
    public void awaitInitialScan() throws InterruptedException, IOException {
        monitor.awaitInitialScan();
    }

    private static Map<String, Object> configuration(FrameworkSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, settings.workDir().resolve("bundle-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HostExports.packages());
        config.put("felix.log.logger", new FelixLogBridge());
        config.put("felix.log.level", "3");
        config.put("felix.fileinstall.dir", settings.plugins().toAbsolutePath().toString());
        config.put("felix.fileinstall.poll", Long.toString(settings.pollInterval().toMillis()));
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("felix.fileinstall.enableConfigSave", "false");
        config.put("felix.fileinstall.log.default", "jul");
        config.put("felix.fileinstall.log.level", "3");
        if (settings.nodeId() != null) {
            config.put(FrameworkSettings.NODE_ID_PROPERTY, settings.nodeId());
        }
        return config;
    }

    /** Installs every jar of the folder, then starts them with FileInstall last, once SCR can see plugins. */
    private void startSystemBundles(FrameworkSettings settings)
            throws BundleException, IOException, ClassNotFoundException {
        Path folder = settings.systemBundles();
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                installed.add(context().installBundle(jar.toUri().toString()));
            }
        }
        installed.sort(Comparator.comparing(b -> FILEINSTALL.equals(b.getSymbolicName())));
        Bundle fileInstall = installed.get(installed.size() - 1);
        if (!FILEINSTALL.equals(fileInstall.getSymbolicName())) {
            throw new BundleException("No " + FILEINSTALL + " bundle in " + folder);
        }
        // both must listen before FileInstall starts: its first scan runs inside its start()
        RejectedJarReporter rejected = RejectedJarReporter.register(context(), fileInstall, settings.plugins());
        startFailures = StartFailures.install();
        Supplier<Map<Path, String>> refusedFiles = rejected::rejected;
        if (settings.trust().signed()) {
            signed = new SignedPluginInstaller(context(), new JarSignatureCheck(PluginTruststore.load(
                    settings.trust().truststore(), password(settings.trust()))), rejected, startFailures,
                    settings.workDir().resolve("verified"));
            ArtifactInstallerService.register(context(), fileInstall, signed);
            refusedFiles = () -> both(rejected.rejected(), signed.refused());
        }
        monitor = new PluginFolderMonitor(context(), settings.plugins(), settings.pollInterval(), refusedFiles,
                startFailures, this::signerOf);
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        LOG.debug("System bundles started: {}", installed.stream().map(Bundle::getSymbolicName).toList());
        wake = FolderWake.start(settings.plugins().toAbsolutePath());
    }

    /** Who signed the jar this bundle was installed from (only checked in {@code plugin-trust=signed}), or null. */
    public Signer signerOf(Bundle bundle) {
        return signed == null ? null : signed.signerOf(bundle.getLocation());
    }

    private static char[] password(PluginTrust trust) {
        return trust.password() == null ? null : trust.password().toCharArray();
    }

    private static Map<Path, String> both(Map<Path, String> rejected, Map<Path, String> refused) {
        Map<Path, String> all = new HashMap<>(rejected);
        all.putAll(refused);
        return all;
    }

    /** Stops watching the plugins folder: nothing is installed, updated or removed any more. */
    public void stopWatching() throws BundleException {
        if (wake != null) {
            wake.close();
        }
        for (Bundle bundle : context().getBundles()) {
            if (FILEINSTALL.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                bundle.stop();
            }
        }
    }

    /** Stops FileInstall first (FELIX-2787), then the framework, waiting a bounded time. */
    @Override
    public void close() throws Exception {
        if (monitor != null) {
            monitor.close();
            startFailures.close();
        }
        stopWatching();
        framework.stop();
        FrameworkEvent event = framework.waitForStop(10_000);
        if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            LOG.warn("The framework did not stop within 10 s");
        }
    }
}
