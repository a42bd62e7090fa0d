package io.mcpruntime.runtime.framework;

import java.io.File;
import java.lang.reflect.Proxy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A FileInstall {@code ArtifactInstaller}: FileInstall hands the files it claims to it instead of installing them
 * as bundles itself. FileInstall keeps that interface in a private package, so the service is a dynamic proxy of
 * the interface as FileInstall's own class loader sees it.
 */
interface ArtifactInstallerService {
    String INSTALLER = "org.apache.felix.fileinstall.ArtifactInstaller";

    boolean canHandle(File file);

    void install(File file);

    void update(File file);

    void uninstall(File file);

    /** Registers the installer with FileInstall; call before FileInstall starts (its first scan runs then). */
    static void register(BundleContext context, Bundle fileInstall, ArtifactInstallerService installer)
            throws ClassNotFoundException {
        Class<?> type = fileInstall.loadClass(INSTALLER);
        Object service = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "canHandle" -> installer.canHandle((File) args[0]);
                    case "install" -> { installer.install((File) args[0]); yield null; }
                    case "update" -> { installer.update((File) args[0]); yield null; }
                    case "uninstall" -> { installer.uninstall((File) args[0]); yield null; }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> installer.toString();
                    default -> null;
                });
        context.registerService(INSTALLER, service, null);
    }
}
