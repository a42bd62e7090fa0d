package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.Namespace;
import java.util.Locale;
import org.osgi.framework.Bundle;

/**
 * Decides a plugin component's namespace: its {@link Namespace} annotation, else the bundle's
 * {@code MCP-Namespace} header, else the last segment of the bundle symbolic name, made safe for tool names.
 */
public final class NamespaceResolver {
    public static final String HEADER = "MCP-Namespace";

    private NamespaceResolver() {
    }

    public static String resolve(Class<?> componentClass, Bundle bundle) {
        Namespace annotation = componentClass.getAnnotation(Namespace.class);
        if (annotation != null) {
            return sanitize(annotation.value());
        }
        String header = bundle.getHeaders().get(HEADER);
        if (header != null && !header.isBlank()) {
            return sanitize(header);
        }
        String symbolicName = bundle.getSymbolicName() == null ? "plugin" : bundle.getSymbolicName();
        return sanitize(symbolicName.substring(symbolicName.lastIndexOf('.') + 1));
    }

    static String sanitize(String raw) {
        String name = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "p" + name : name;
    }
}
