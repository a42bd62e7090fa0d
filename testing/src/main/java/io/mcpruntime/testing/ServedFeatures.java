package io.mcpruntime.testing;

import io.mcpruntime.runtime.registry.Feature;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.PromptDefinition;
import io.mcpruntime.runtime.registry.ResourceDefinition;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.testing.Notifications.ListKind;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What the kernel's catalog serves for one plugin: the truth a kit operation waits for before the client's view. */
final class ServedFeatures {
    private final FeatureCatalog catalog;

    ServedFeatures(FeatureCatalog catalog) {
        this.catalog = catalog;
    }

    /** The plugin's served features (by identity: a re-registered plugin's features are new objects). */
    Set<Feature> of(String symbolicName) {
        Set<Feature> features = identitySet();
        catalog.snapshot().stream().filter(f -> symbolicName.equals(f.owner().symbolicName())).forEach(features::add);
        return features;
    }

    /** Every served feature, by identity. */
    Set<Feature> all() {
        Set<Feature> features = identitySet();
        features.addAll(catalog.snapshot());
        return features;
    }

    private static Set<Feature> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Waits until the plugin's served features are as expected. */
    Set<Feature> await(String symbolicName, Predicate<Set<Feature>> expected, String what) {
        return Poll.until(() -> of(symbolicName), expected, () -> "the kernel to serve " + what + " (plugin "
                + symbolicName + " serves " + of(symbolicName).stream().map(Feature::key).toList()
                + "; the kernel's log says why a plugin does not serve)");
    }

    /**
     * Waits until the client's lists show what a configuration change did to the catalog (the plugin services it
     * created were awaited before): what is served now and was not before (new, or re-registered as new objects) is
     * listed, and what is no longer served is not.
     */
    void awaitSettled(Set<Feature> before, Notifications notifications, int mark, String what) {
        Poll.until(this::all, now -> settled(before, now, notifications, mark),
                () -> "the plugins' features to settle after " + what);
    }

    private static boolean settled(Set<Feature> before, Set<Feature> now, Notifications notifications, int mark) {
        Set<String> served = now.stream().map(Feature::key).collect(Collectors.toSet());
        List<Feature> arrived = now.stream().filter(feature -> !before.contains(feature)).toList();
        List<Feature> gone = before.stream().filter(feature -> !served.contains(feature.key())).toList();
        return notifications.listedSince(mark, listed(arrived), true)
                && notifications.listedSince(mark, listed(gone), false);
    }

    /** The names clients see in each list: tool names, resource URIs, prompt names. */
    static Map<ListKind, Set<String>> listed(Collection<Feature> features) {
        Map<ListKind, Set<String>> listed = new EnumMap<>(ListKind.class);
        for (Feature feature : features) {
            if (feature instanceof ToolDefinition tool) {
                listed.computeIfAbsent(ListKind.TOOLS, kind -> new TreeSet<>()).add(tool.name());
            } else if (feature instanceof ResourceDefinition resource) {
                listed.computeIfAbsent(ListKind.RESOURCES, kind -> new TreeSet<>()).add(resource.uri());
            } else if (feature instanceof PromptDefinition prompt) {
                listed.computeIfAbsent(ListKind.PROMPTS, kind -> new TreeSet<>()).add(prompt.name());
            }
        }
        return listed;
    }
}
