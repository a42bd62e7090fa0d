package io.mcpruntime.runtime;

import io.mcpruntime.runtime.config.RuntimeVersion;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.Feature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The lines a person reads on stderr at start: where to connect, which plugins and tools are live. */
final class StartupReport {
    private StartupReport() {
    }

    static void print(PrintStream err, String endpoint, Path plugins, FeatureCatalog catalog) {
        List<Feature> features = catalog.snapshot();
        err.printf("mcp-runtime %s serving %s%n", RuntimeVersion.get(), endpoint);
        err.printf("plugins folder %s: %d tool(s)%n", plugins.toAbsolutePath().normalize(), catalog.tools().size());
        Map<String, List<String>> byPlugin = features.stream().collect(Collectors.groupingBy(
                f -> f.owner().toString() + " [" + f.owner().namespace() + "]", TreeMap::new,
                Collectors.mapping(Feature::key, Collectors.toList())));
        byPlugin.forEach((plugin, names) -> err.printf("  %s: %s%n", plugin,
                String.join(", ", names.stream().sorted().toList())));
    }
}
