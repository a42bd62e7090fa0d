package io.mcpruntime.runtime.framework;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user about jars in the plugins folder that FileInstall would silently skip: files that are not a
 * valid jar and jars that are not OSGi bundles. It is a FileInstall {@code ArtifactInstaller} that claims exactly
 * those files.
 */
final class RejectedJarReporter implements ArtifactInstallerService {
    private static final Logger LOG = LoggerFactory.getLogger(RejectedJarReporter.class);

    private final Path folder;
    private final Map<Path, String> rejected = new ConcurrentHashMap<>();

    private RejectedJarReporter(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Registers the reporter for FileInstall's plugin folder; call before FileInstall starts. */
    static RejectedJarReporter register(BundleContext context, Bundle fileInstall, Path folder)
            throws ClassNotFoundException {
        RejectedJarReporter reporter = new RejectedJarReporter(folder);
        ArtifactInstallerService.register(context, fileInstall, reporter);
        return reporter;
    }

    /** The files of the folder that are known not to be plugins, with the reason. */
    Map<Path, String> rejected() {
        return Map.copyOf(rejected);
    }

    @Override
    public boolean canHandle(File file) {
        return problemWith(file) != null;
    }

    @Override
    public void install(File file) {
        String problem = problemWith(file);
        if (problem != null) {
            rejected.put(path(file), problem);
            LOG.error("Plugin file {} {}; it is ignored", file.getName(), problem);
        }
    }

    @Override
    public void update(File file) {
        install(file);
    }

    @Override
    public void uninstall(File file) {
        rejected.remove(path(file));
    }

    @Override
    public String toString() {
        return "RejectedJarReporter[" + folder + "]";
    }

    /** Whether the file is a bundle jar of the plugins folder: neither rejected here nor another kind of file. */
    boolean isPluginBundle(File file) {
        return inFolder(file) && problemWith(file) == null;
    }

    private boolean inFolder(File file) {
        return file.getName().endsWith(".jar") && folder.equals(path(file).getParent());
    }

    private String problemWith(File file) {
        if (!inFolder(file)) {
            return null;
        }
        try (JarFile jar = new JarFile(file)) {
            Manifest manifest = jar.getManifest();
            return manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null
                    ? "is not an OSGi bundle (no Bundle-SymbolicName in its manifest)"
                    : null;
        } catch (IOException e) {
            return "is not a valid jar (" + e.getMessage() + ")";
        }
    }

    static Path path(File file) {
        return file.toPath().toAbsolutePath().normalize();
    }
}
