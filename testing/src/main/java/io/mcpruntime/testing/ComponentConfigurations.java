package io.mcpruntime.testing;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The component configurations Declarative Services runs, with their properties and state, from its runtime API
 * ({@code ServiceComponentRuntime} and its DTOs): also components that register no service. The API's classes live
 * inside the framework (the SCR bundle), not on the test's class path, so they are reached by reflection on that
 * standard interface.
 */
final class ComponentConfigurations {
    private static final String RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    /** ComponentConfigurationDTO.SATISFIED and ACTIVE: registered (if a service) or running. */
    private static final int SATISFIED = 4;
    private static final int ACTIVE = 8;

    /** One configuration of a component: its properties (configuration included) and whether it runs. */
    record Configuration(Map<String, Object> properties, boolean running) {
    }

    private final BundleContext context;

    ComponentConfigurations(BundleContext context) {
        this.context = context;
    }

    List<Configuration> all() {
        ServiceReference<?> reference = context.getServiceReference(RUNTIME);
        if (reference == null) {
            throw new IllegalStateException("No Declarative Services runtime in the kernel");
        }
        Object runtime = context.getService(reference);
        try {
            Class<?> api = reference.getBundle().loadClass(RUNTIME);
            Method descriptions = api.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Method configurations = method(api, "getComponentConfigurationDTOs");
            List<Configuration> all = new ArrayList<>();
            for (Object description : (Collection<?>) descriptions.invoke(runtime, (Object) new Bundle[0])) {
                for (Object dto : (Collection<?>) configurations.invoke(runtime, description)) {
                    int state = dto.getClass().getField("state").getInt(dto);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> properties = (Map<String, Object>) dto.getClass().getField("properties")
                            .get(dto);
                    all.add(new Configuration(properties, state == SATISFIED || state == ACTIVE));
                }
            }
            return all;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the Declarative Services runtime: " + e, e);
        } finally {
            context.ungetService(reference);
        }
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }
}
