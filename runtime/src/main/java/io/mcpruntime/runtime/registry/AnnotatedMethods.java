package io.mcpruntime.runtime.registry;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Walks a component's public methods that carry an annotation; calls them with the real exception unwrapped. */
final class AnnotatedMethods {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotatedMethods.class);

    private AnnotatedMethods() {
    }

    /**
     * Defines one feature per annotated method, in name order. A method that cannot be defined is skipped with an
     * error line naming the plugin, the method and the reason; the others still load.
     */
    static <A extends Annotation, F> List<F> collect(Object component, Class<A> annotation, PluginId owner,
            BiFunction<Method, A, F> define) {
        List<F> features = new ArrayList<>();
        Method[] methods = component.getClass().getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            A marker = method.getAnnotation(annotation);
            if (marker == null) {
                continue;
            }
            try {
                if (Modifier.isStatic(method.getModifiers())) {
                    throw new IllegalArgumentException("the method must not be static");
                }
                method.trySetAccessible();
                features.add(define.apply(method, marker));
            } catch (IllegalArgumentException e) {
                LOG.error("Plugin {}: method {}.{} is not a valid @{}: {}", owner,
                        component.getClass().getSimpleName(), method.getName(), annotation.getSimpleName(),
                        e.getMessage());
            }
        }
        return features;
    }

    static Object call(Method method, Object component, Object... arguments) throws Exception {
        try {
            return method.invoke(component, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
