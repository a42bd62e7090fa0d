package io.mcpruntime.testing;

import io.mcpruntime.runtime.registry.AuditTrail;
import io.mcpruntime.runtime.registry.Feature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;

/**
 * Changes to the plugins folder (jars, configurations), each followed by the wait for its effect: first in the
 * kernel (audit trail, catalog, registry), then at the kit's first client (a list_changed and the list after it).
 * One change at a time.
 */
final class PluginChanges {
    private final PluginFolder folder;
    private final Notifications notifications;
    private final BundleContext context;
    private final ServedFeatures features;
    private final PluginRegistrations registrations;
    private final FolderBundles bundles;

    PluginChanges(PluginFolder folder, InProcessKernel kernel, Notifications notifications) {
        this.folder = folder;
        this.notifications = notifications;
        this.context = kernel.bundleContext();
        this.features = new ServedFeatures(kernel.catalog());
        this.registrations = new PluginRegistrations(kernel.audit());
        this.bundles = new FolderBundles(context);
    }

    /**
     * Writes the plugin's file and waits until the kernel registered each plugin service its components declare
     * and the client lists their features; a jar that declares none (a library) until its bundle resolved.
     */
    synchronized void put(Plugin plugin, PluginJar jar) {
        int mark = notifications.mark();
        AuditTrail.Entry registered = registrations.mark();
        long since = System.currentTimeMillis();
        Path staged = folder.stage(jar, plugin.fileName());
        plugin.symbolicName(symbolicName(staged));
        int services = PluginComponents.services(staged);
        Path file = folder.moveIn(staged);
        if (services == 0) {
            bundles.awaitResolved(file, since);
            return;
        }
        registrations.await(registered, plugin.symbolicName(), services, "the new " + plugin);
        notifications.awaitListed(mark, ServedFeatures.listed(features.of(plugin.symbolicName())), true,
                "the new " + plugin);
    }

    /** Deletes the plugin's file and waits until none of its features serve or are listed, or its bundle is gone. */
    synchronized void remove(Plugin plugin) {
        int mark = notifications.mark();
        Set<Feature> served = features.of(plugin.symbolicName());
        folder.delete(plugin.fileName());
        if (served.isEmpty()) {
            bundles.awaitUninstalled(folder.path().resolve(plugin.fileName()));
            return;
        }
        features.await(plugin.symbolicName(), Set::isEmpty, "nothing of the removed " + plugin);
        notifications.awaitListed(mark, ServedFeatures.listed(served), false, "the removal of " + plugin);
    }

    void configure(String pid, Map<String, ?> properties) {
        Path file = folder.configuration(pid);
        reconfigure("configuring " + pid, file, () -> folder.putConfiguration(pid, properties), singletons -> {
            ConfigurationWait.awaitApplied(context, file, properties);
            ConfigurationWait.awaitServicesBack(context, singletons, properties);
        });
    }

    void removeConfiguration(String pid) {
        Path file = folder.configuration(pid);
        reconfigure("removing the configuration " + pid, file, () -> folder.delete(file.getFileName().toString()),
                singletons -> ConfigurationWait.awaitRemoved(context, file, singletons));
    }

    /** Waits for the configurations set before the plugins started. */
    void awaitConfigured(Map<String, Map<String, ?>> configurations) {
        configurations.forEach((pid, properties) ->
                ConfigurationWait.awaitApplied(context, folder.configuration(pid), properties));
    }

    /**
     * Changes a configuration and waits until Declarative Services applied it, the plugin services it created or
     * re-activated are registered, and what that changed settled: features served again or for the first time are
     * listed, features gone are no longer listed.
     */
    private synchronized void reconfigure(String what, Path file, Runnable change,
            Consumer<Map<String, Long>> applied) {
        int mark = notifications.mark();
        AuditTrail.Entry registered = registrations.mark();
        long lastService = ConfigurationWait.lastServiceId(context);
        Set<Feature> before = features.all();
        Map<String, Long> singletons = ConfigurationWait.singletonsConfiguredBy(context, file);
        change.run();
        applied.accept(singletons);
        ConfigurationWait.pluginServicesSince(context, file, singletons.keySet(), lastService)
                .forEach((plugin, services) -> registrations.await(registered, plugin, services.intValue(), what));
        features.awaitSettled(before, notifications, mark, what);
    }

    private static String symbolicName(Path jar) {
        try {
            String header = ManifestHeaders.read(jar, "Bundle-SymbolicName");
            if (header == null) {
                throw new IllegalArgumentException(jar.getFileName() + " is not a plugin: it has no "
                        + "Bundle-SymbolicName (build it with bnd, see docs/PLUGINS.md)");
            }
            return header.split(";", 2)[0].trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
