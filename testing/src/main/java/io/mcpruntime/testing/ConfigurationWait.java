package io.mcpruntime.testing;

import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Waits until Declarative Services has applied a configuration: the component's service then carries the
 * configuration's PID and (public) values as service properties, whether the component was re-activated or took
 * the change in a {@code @Modified} method.
 */
final class ConfigurationWait {
    private ConfigurationWait() {
    }

    static void awaitApplied(BundleContext context, String pid, Map<String, ?> properties) {
        await(context, pid, references -> references.anyMatch(reference -> carries(reference, properties)),
                "a component with configuration PID " + pid + " to take " + properties
                        + " (is its plugin deployed? the PID is the component name unless it says otherwise)");
    }

    static void awaitRemoved(BundleContext context, String pid) {
        await(context, pid, references -> references.findAny().isEmpty(),
                "the components with configuration PID " + pid + " to drop it");
    }

    private static boolean carries(ServiceReference<?> reference, Map<String, ?> properties) {
        return properties.entrySet().stream()
                .filter(entry -> !entry.getKey().startsWith(".")) // private properties stay off the service
                .allMatch(entry -> String.valueOf(entry.getValue())
                        .equals(String.valueOf(reference.getProperty(entry.getKey()))));
    }

    private static void await(BundleContext context, String pid, Predicate<Stream<ServiceReference<?>>> done,
            String what) {
        Poll.until(() -> servicesOf(context, pid), done, () -> what);
    }

    private static Stream<ServiceReference<?>> servicesOf(BundleContext context, String pid) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null,
                    "(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            return references == null ? Stream.empty() : Stream.of(references);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Not a usable PID: " + pid, e);
        }
    }

    /** LDAP filter escaping (RFC 1960) of a value. */
    private static String escape(String value) {
        return value.replaceAll("([\\\\*()])", "\\\\$1");
    }
}
