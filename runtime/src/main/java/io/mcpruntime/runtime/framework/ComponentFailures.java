package io.mcpruntime.runtime.framework;

import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Why a plugin's Declarative Services components failed to activate, in one line. */
final class ComponentFailures {
    private final ComponentConfigurations components;

    ComponentFailures(BundleContext context) {
        this.components = new ComponentConfigurations(context);
    }

    /** One entry per component of the bundle that failed to activate, or {@code null} if none did. */
    String of(Bundle bundle) {
        String failures;
        try {
            failures = components.of(bundle).stream()
                    .filter(ComponentConfigurations.Configuration::failedToActivate)
                    .map(c -> "component " + c.component() + " failed to activate: " + firstLineMessage(c.failure()))
                    .collect(Collectors.joining("; "));
        } catch (IllegalStateException e) {
            return null; // no readable Declarative Services runtime: nothing to say
        }
        return failures.isEmpty() ? null : failures;
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
