package io.mcpruntime.runtime.framework;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
 * those files. FileInstall keeps that interface in a private package, so the service is a dynamic proxy of the
 * interface as FileInstall's own class loader sees it.
 */
final class RejectedJarReporter implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RejectedJarReporter.class);
    private static final String INSTALLER = "org.apache.felix.fileinstall.ArtifactInstaller";

    private final Path folder;
    private final Map<Path, String> rejected = new ConcurrentHashMap<>();

    private RejectedJarReporter(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Registers the reporter for FileInstall's plugin folder; call before FileInstall starts. */
    static RejectedJarReporter register(BundleContext context, Bundle fileInstall, Path folder)
            throws ClassNotFoundException {
        Class<?> installer = fileInstall.loadClass(INSTALLER);
        RejectedJarReporter reporter = new RejectedJarReporter(folder);
        Object service = Proxy.newProxyInstance(installer.getClassLoader(), new Class<?>[] {installer}, reporter);
        context.registerService(INSTALLER, service, null);
        return reporter;
    }

    /** The files of the folder that are known not to be plugins, with the reason. */
    Map<Path, String> rejected() {
        return Map.copyOf(rejected);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "canHandle" -> problemWith((File) args[0]) != null;
            case "install", "update" -> report((File) args[0]);
            case "uninstall" -> rejected.remove(path((File) args[0]));
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "RejectedJarReporter[" + folder + "]";
            default -> null;
        };
    }

    private Object report(File file) {
        String problem = problemWith(file);
        if (problem != null) {
            rejected.put(path(file), problem);
            LOG.error("Plugin file {} {}; it is ignored", file.getName(), problem);
        }
        return null;
    }

    private String problemWith(File file) {
        if (!file.getName().endsWith(".jar") || !folder.equals(path(file).getParent())) {
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

    private static Path path(File file) {
        return file.toPath().toAbsolutePath().normalize();
    }
}
