package io.mcpruntime.testing;

import io.mcpruntime.runtime.framework.ComponentConfigurations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    private ConfigurationWait() {
    }

    static void awaitApplied(BundleContext context, Path file, Map<String, ?> properties) {
        ComponentConfigurations components = new ComponentConfigurations(context);
        Poll.until(() -> configuredBy(components, file), configurations -> configurations.stream()
                .anyMatch(configuration -> configuration.running() && carries(configuration, properties)),
                () -> "a component to take " + file.getFileName() + " " + properties + " (is its plugin deployed? "
                        + "the file is named after the component's configuration PID: its name unless it says "
                        + "otherwise)");
    }

    static void awaitRemoved(BundleContext context, Path file) {
        ComponentConfigurations components = new ComponentConfigurations(context);
        Poll.until(() -> configuredBy(components, file), List::isEmpty,
                () -> "the components configured by " + file.getFileName() + " to drop it");
    }

    private static List<ComponentConfigurations.Configuration> configuredBy(ComponentConfigurations components,
            Path file) {
        return components.of().stream()
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
     * The plugin services ({@code McpPlugin}, {@code McpTool}) the file configures that were registered after that
     * service id, counted by bundle symbolic name: components the configuration created or re-activated.
     */
    static Map<String, Long> pluginServicesSince(BundleContext context, Path file, long lastServiceId) {
        return configuredBy(context, file)
                .filter(reference -> (Long) reference.getProperty(Constants.SERVICE_ID) > lastServiceId)
                .filter(reference -> Stream.of((String[]) reference.getProperty(Constants.OBJECTCLASS))
                        .anyMatch(PluginComponents.PLUGIN_SERVICES::contains))
                .collect(Collectors.groupingBy(reference -> reference.getBundle().getSymbolicName(),
                        Collectors.counting()));
    }

    private static boolean carries(ComponentConfigurations.Configuration configuration, Map<String, ?> properties) {
        return properties.entrySet().stream().allMatch(entry -> String.valueOf(entry.getValue())
                .equals(String.valueOf(configuration.properties().get(entry.getKey()))));
    }

    private static Stream<ServiceReference<?>> configuredBy(BundleContext context, Path file) {
        return services(context, "(" + FILE_PROPERTY + "=*)")
                .filter(reference -> file.equals(PluginFolder.fileAt(reference.getProperty(FILE_PROPERTY))));
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
