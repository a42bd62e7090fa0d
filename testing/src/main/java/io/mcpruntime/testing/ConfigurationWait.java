package io.mcpruntime.testing;

import io.mcpruntime.runtime.framework.ComponentConfigurations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Waits until Declarative Services has applied a configuration file: a component configuration carrying the file's
 * {@code felix.fileinstall.filename} and its values runs, whether it was re-activated or took the change in a
 * {@code @Modified} method, and whether or not it registers a service. Matching on the file, not the PID, covers
 * factory configurations ({@code <factoryPid>-<name>.cfg}), whose PIDs are generated.
 */
final class ConfigurationWait {
    private static final String FILE_PROPERTY = "felix.fileinstall.filename";
    private static final String FACTORY_PID = "service.factoryPid";
    private static final String COMPONENT_NAME = "component.name";

    private ConfigurationWait() {
    }

    static void awaitApplied(BundleContext context, Path file, Map<String, ?> properties) {
        ComponentConfigurations components = new ComponentConfigurations(context);
        Poll.until(() -> configuredBy(components.of(), file), configurations -> configurations.stream()
                .anyMatch(configuration -> configuration.running()
                        && carries(configuration.properties()::get, properties)),
                () -> "a component to take " + file.getFileName() + " " + properties + " (is its plugin deployed? "
                        + "the file is named after the component's configuration PID: its name unless it says "
                        + "otherwise)");
    }

    /**
     * Waits until each of the {@code singletons} the file configured registers as many plugin services as before,
     * carrying the new values (Declarative Services puts a component's configuration in its services' properties): a
     * re-activated component's features are not served between its old services going and its new ones coming, and
     * a component that took the change in a {@code @Modified} method has its services' properties updated.
     */
    static void awaitServicesBack(BundleContext context, Map<String, Long> singletons, Map<String, ?> properties) {
        Poll.until(() -> singletons.entrySet().stream().allMatch(component -> pluginServicesOf(context,
                        component.getKey()).filter(reference -> carries(reference::getProperty, properties)).count()
                        >= component.getValue()),
                back -> back, () -> "the plugin services of " + singletons.keySet() + " to be registered with "
                        + properties);
    }

    /**
     * The components the file configures now as singletons (not a factory's instances, which go with their file),
     * each with how many plugin services it registers: what {@link #awaitRemoved} waits to see back.
     */
    static Map<String, Long> singletonsConfiguredBy(BundleContext context, Path file) {
        return configuredBy(new ComponentConfigurations(context).of(), file).stream()
                .filter(configuration -> !configuration.properties().containsKey(FACTORY_PID))
                .map(ComponentConfigurations.Configuration::component)
                .distinct()
                .collect(Collectors.toMap(component -> component, component -> pluginServicesOf(context, component)
                        .count()));
    }

    /**
     * Waits until no component has the file's configuration any more, and each of the {@code singletons} it
     * configured is back without it, its plugin services registered (re-activated or modified), or gone (it
     * requires a configuration). Declarative Services may drop the file from a component's properties before it
     * deactivates the instance that had it: the services tell when the old instance is gone.
     */
    static void awaitRemoved(BundleContext context, Path file, Map<String, Long> singletons) {
        ComponentConfigurations components = new ComponentConfigurations(context);
        Poll.until(components::of, all -> configuredBy(all, file).isEmpty() && singletons.entrySet().stream()
                        .allMatch(component -> backWithout(context, all, component.getKey(), component.getValue(),
                                file)),
                () -> "the components configured by " + file.getFileName() + " to drop it");
    }

    private static boolean backWithout(BundleContext context, List<ComponentConfigurations.Configuration> all,
            String component, long services, Path file) {
        if (all.stream().noneMatch(configuration -> configuration.component().equals(component))) {
            return true;
        }
        List<ServiceReference<?>> now = pluginServicesOf(context, component).toList();
        return now.size() >= services && now.stream().noneMatch(reference -> configures(reference, file));
    }

    private static List<ComponentConfigurations.Configuration> configuredBy(
            List<ComponentConfigurations.Configuration> configurations, Path file) {
        return configurations.stream()
                .filter(configuration -> file.equals(
                        PluginFolder.fileAt(configuration.properties().get(FILE_PROPERTY))))
                .toList();
    }

    /** The newest service's id now: services registered later have greater ids. */
    static long lastServiceId(BundleContext context) {
        return services(context, null).mapToLong(reference -> (Long) reference.getProperty(Constants.SERVICE_ID))
                .max().orElse(0);
    }

    /**
     * The plugin services ({@code McpPlugin}, {@code McpTool}) registered after that service id that the file
     * configures or that belong to one of the components (which it configured before), counted by bundle symbolic
     * name: components the configuration created or re-activated.
     */
    static Map<String, Long> pluginServicesSince(BundleContext context, Path file, Set<String> components,
            long lastServiceId) {
        return services(context, null)
                .filter(reference -> (Long) reference.getProperty(Constants.SERVICE_ID) > lastServiceId)
                .filter(ConfigurationWait::isPluginService)
                .filter(reference -> configures(reference, file)
                        || components.contains(reference.getProperty(COMPONENT_NAME)))
                .collect(Collectors.groupingBy(reference -> reference.getBundle().getSymbolicName(),
                        Collectors.counting()));
    }

    /** Whether the values (a configuration's or a service's properties) hold the properties. */
    private static boolean carries(Function<String, Object> values, Map<String, ?> properties) {
        return properties.entrySet().stream().allMatch(entry -> String.valueOf(entry.getValue())
                .equals(String.valueOf(values.apply(entry.getKey()))));
    }

    private static Stream<ServiceReference<?>> pluginServicesOf(BundleContext context, String component) {
        return services(context, "(" + COMPONENT_NAME + "=" + component + ")")
                .filter(ConfigurationWait::isPluginService);
    }

    private static boolean isPluginService(ServiceReference<?> reference) {
        return Stream.of((String[]) reference.getProperty(Constants.OBJECTCLASS))
                .anyMatch(PluginComponents.PLUGIN_SERVICES::contains);
    }

    private static boolean configures(ServiceReference<?> reference, Path file) {
        return file.equals(PluginFolder.fileAt(reference.getProperty(FILE_PROPERTY)));
    }

    private static Stream<ServiceReference<?>> services(BundleContext context, String filter) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null, filter);
            return references == null ? Stream.empty() : Stream.of(references);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
