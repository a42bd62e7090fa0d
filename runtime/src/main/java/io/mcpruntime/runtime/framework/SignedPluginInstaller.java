package io.mcpruntime.runtime.framework;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In {@code plugin-trust=signed}, installs, updates and uninstalls the plugin bundles in place of FileInstall, and
 * only those whose signature {@link JarSignatureCheck} trusts; a refused jar is never installed.
 *
 * <p>Why an {@code ArtifactInstaller} and not a transformer or an OSGi hook: FileInstall hands a changed file to
 * the listener that took it first, and when a transformer refuses a changed file FileInstall uninstalls the old
 * bundle; only an installer can leave the old version serving. No OSGi hook can veto an install or update (Felix's
 * signed-bundle checks need a SecurityManager, gone from current JDKs). The jar is copied first and the copy is
 * both checked and installed, so the file cannot change between the check and the install.
 */
final class SignedPluginInstaller implements ArtifactInstallerService {
    private static final Logger LOG = LoggerFactory.getLogger(SignedPluginInstaller.class);

    private final BundleContext context;
    private final JarSignatureCheck check;
    private final RejectedJarReporter plugins;
    private final StartFailures startFailures;
    private final Path scratch;
    private final Map<Path, String> refused = new ConcurrentHashMap<>();
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();

    SignedPluginInstaller(BundleContext context, JarSignatureCheck check, RejectedJarReporter plugins,
            StartFailures startFailures, Path scratch) {
        this.context = context;
        this.check = check;
        this.plugins = plugins;
        this.startFailures = startFailures;
        this.scratch = scratch;
    }

    /** The jars refused, with the reason (a refused replacement's file too: its old version keeps serving). */
    Map<Path, String> refused() {
        return Map.copyOf(refused);
    }

    /** Who signed the jar the bundle from this location was installed from, or {@code null}. */
    Signer signerOf(String location) {
        return signers.get(location);
    }

    @Override
    public boolean canHandle(File file) {
        return plugins.isPluginBundle(file);
    }

    @Override
    public void install(File file) {
        installOrUpdate(file);
    }

    @Override
    public void update(File file) {
        installOrUpdate(file);
    }

    @Override
    public void uninstall(File file) {
        refused.remove(RejectedJarReporter.path(file));
        Bundle bundle = context.getBundle(location(file));
        if (bundle != null) {
            try {
                bundle.uninstall();
                refresh(bundle);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Plugin file {} could not be uninstalled: {}", file.getName(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        signers.remove(location(file));
    }

    private void installOrUpdate(File file) {
        String location = location(file);
        Bundle installed = context.getBundle(location);
        Path copy = null;
        try {
            Files.createDirectories(scratch);
            copy = Files.copy(file.toPath(), Files.createTempFile(scratch, "verified-", ".jar"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            JarSignatureCheck.Verdict verdict = check.check(copy);
            if (verdict.signer() == null) {
                refuse(file, installed, verdict.refusal());
                return;
            }
            refused.remove(RejectedJarReporter.path(file));
            try (InputStream in = Files.newInputStream(copy)) {
                if (installed == null) {
                    signers.put(location, verdict.signer());
                    installed = context.installBundle(location, in);
                } else {
                    installed.stop(Bundle.STOP_TRANSIENT); // withdrawn under the old signer, started once below
                    signers.put(location, verdict.signer());
                    installed.update(in);
                    refresh(installed);
                }
            }
            LOG.info("Plugin file {} is signed by {} (SHA-256 {})", file.getName(), verdict.signer().subject(),
                    verdict.signer().sha256());
        } catch (IOException | BundleException | IllegalStateException e) {
            LOG.error("Plugin file {} could not be installed: {}", file.getName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(copy);
        }
        startWaiting();
    }

    private void refuse(File file, Bundle installed, String reason) {
        String problem = installed == null ? reason
                : "its replacement " + reason + "; " + installed.getVersion() + " keeps serving";
        refused.put(RejectedJarReporter.path(file), problem);
        LOG.error("Plugin file {} {}; it is not started{}", file.getName(), reason,
                installed == null ? "" : " (version " + installed.getVersion() + " keeps serving)");
    }

    /** Starts every plugin bundle that is not running, as FileInstall retries its own (a library may have come). */
    private void startWaiting() {
        for (Bundle bundle : context.getBundles()) {
            if (signers.containsKey(bundle.getLocation())
                    && (bundle.getState() == Bundle.INSTALLED || bundle.getState() == Bundle.RESOLVED)) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    if (e.getType() != BundleException.RESOLVE_ERROR) {
                        startFailures.failed(bundle.getLocation(), e);
                    }
                } catch (IllegalStateException e) {
                    // uninstalled meanwhile
                }
            }
        }
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> done.countDown());
        done.await();
    }

    private static String location(File file) {
        return file.getAbsoluteFile().toURI().normalize().toString(); // as FileInstall writes it
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.debug("Could not delete {}", file, e);
        }
    }

    @Override
    public String toString() {
        return "SignedPluginInstaller";
    }
}
