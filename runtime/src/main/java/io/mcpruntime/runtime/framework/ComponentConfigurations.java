package io.mcpruntime.runtime.framework;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The component configurations Declarative Services runs, with their state, properties and failure, from its
 * runtime API ({@code ServiceComponentRuntime} and its DTOs): components without a service included. The API's
 * classes live inside the framework (the SCR system bundle), not on the kernel's class path, so they are reached by
 * reflection on that standard interface. Used by the kernel (why a plugin does not serve) and the test kit (when a
 * configuration has been applied).
 */
public final class ComponentConfigurations {
    private static final String RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    /** ComponentConfigurationDTO's states. */
    private static final int SATISFIED = 4;
    private static final int ACTIVE = 8;
    private static final int FAILED_ACTIVATION = 16;

    /**
     * One configuration of a component.
     *
     * @param failure why it failed to activate (SCR's stack trace text; DS 1.5), or {@code null}
     */
    public record Configuration(String component, int state, Map<String, Object> properties, String failure) {
        /** Registered (if it provides a service) or running. */
        public boolean running() {
            return state == SATISFIED || state == ACTIVE;
        }

        public boolean failedToActivate() {
            return state == FAILED_ACTIVATION;
        }
    }

    private final BundleContext context;

    public ComponentConfigurations(BundleContext context) {
        this.context = context;
    }

    /**
     * The configurations of the bundles' components, or of every bundle's when none is given.
     *
     * @throws IllegalStateException if no Declarative Services runtime runs or its DTOs cannot be read
     */
    public List<Configuration> of(Bundle... bundles) {
        ServiceReference<?> reference = context.getServiceReference(RUNTIME);
        Object runtime = reference == null ? null : context.getService(reference);
        if (runtime == null) {
            throw new IllegalStateException("No Declarative Services runtime in the kernel");
        }
        try {
            Class<?> api = reference.getBundle().loadClass(RUNTIME);
            Method descriptions = api.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Method configurations = null;
            List<Configuration> all = new ArrayList<>();
            for (Object description : (Collection<?>) descriptions.invoke(runtime, (Object) bundles)) {
                if (configurations == null) {
                    configurations = api.getMethod("getComponentConfigurationDTOs", description.getClass());
                }
                String component = (String) description.getClass().getField("name").get(description);
                for (Object dto : (Collection<?>) configurations.invoke(runtime, description)) {
                    all.add(new Configuration(component, dto.getClass().getField("state").getInt(dto),
                            properties(dto), failure(dto)));
                }
            }
            return all;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the Declarative Services runtime: " + e, e);
        } finally {
            context.ungetService(reference);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object dto) throws ReflectiveOperationException {
        return (Map<String, Object>) dto.getClass().getField("properties").get(dto);
    }

    /** Only DS 1.5 DTOs say why an activation failed. */
    private static String failure(Object dto) throws IllegalAccessException {
        try {
            return (String) dto.getClass().getField("failure").get(dto);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
