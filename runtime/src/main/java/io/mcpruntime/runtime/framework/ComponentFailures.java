package io.mcpruntime.runtime.framework;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Why a plugin's Declarative Services components failed to activate, from SCR's runtime DTOs. Read by reflection:
 * the SCR API lives inside the framework (a system bundle), not on the kernel's class path.
 */
final class ComponentFailures {
    private static final String RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final int FAILED_ACTIVATION = 16; // ComponentConfigurationDTO.FAILED_ACTIVATION

    private final BundleContext context;

    ComponentFailures(BundleContext context) {
        this.context = context;
    }

    /** One line per component of the bundle that failed to activate, or {@code null} if none did. */
    String of(Bundle bundle) {
        ServiceReference<?> reference = context.getServiceReference(RUNTIME);
        Object runtime = reference == null ? null : context.getService(reference);
        if (runtime == null) {
            return null;
        }
        try {
            Class<?> api = reference.getBundle().loadClass(RUNTIME);
            Method descriptions = api.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Method configurations = null;
            List<String> failures = new ArrayList<>();
            for (Object description : (Collection<?>) descriptions.invoke(runtime, (Object) new Bundle[] {bundle})) {
                if (configurations == null) {
                    configurations = api.getMethod("getComponentConfigurationDTOs", description.getClass());
                }
                for (Object configuration : (Collection<?>) configurations.invoke(runtime, description)) {
                    if (configuration.getClass().getField("state").getInt(configuration) == FAILED_ACTIVATION) {
                        failures.add("component " + description.getClass().getField("name").get(description)
                                + " failed to activate: " + firstLineMessage(
                                        (String) configuration.getClass().getField("failure").get(configuration)));
                    }
                }
            }
            return failures.isEmpty() ? null : String.join("; ", failures);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // an SCR without the DS 1.5 DTOs: nothing to say
        } finally {
            context.ungetService(reference);
        }
    }

    /** SCR gives the stack trace as text; its first line is "class: message". */
    private static String firstLineMessage(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        String first = failure.lines().findFirst().orElse(failure);
        int colon = first.indexOf(": ");
        return colon < 0 ? first : first.substring(colon + 2);
    }
}
