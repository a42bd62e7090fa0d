package io.mcpruntime.testing;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The bundles FileInstall installed from files of the plugins folder, for jars that contribute no features. */
final class FolderBundles {
    private final BundleContext context;

    FolderBundles(BundleContext context) {
        this.context = context;
    }

    /** Waits until the file's bundle, installed or updated at or after {@code since}, resolved. */
    void awaitResolved(Path file, long since) {
        Poll.until(() -> bundleOf(file), bundle -> bundle.filter(b -> b.getLastModified() >= since)
                .filter(b -> b.getState() != Bundle.INSTALLED).isPresent(),
                () -> "the bundle of " + file.getFileName() + " to resolve (" + bundleOf(file)
                        .map(b -> "state " + b.getState()).orElse("not installed") + "; the kernel's log says why)");
    }

    void awaitUninstalled(Path file) {
        Poll.until(() -> bundleOf(file), Optional::isEmpty, () -> "the bundle of " + file.getFileName()
                + " to be uninstalled");
    }

    private Optional<Bundle> bundleOf(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        return Stream.of(context.getBundles())
                .filter(bundle -> wanted.equals(PluginFolder.fileAt(bundle.getLocation())))
                .filter(bundle -> bundle.getState() != Bundle.UNINSTALLED)
                .findFirst();
    }
}
