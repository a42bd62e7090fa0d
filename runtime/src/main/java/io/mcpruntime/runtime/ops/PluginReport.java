package io.mcpruntime.runtime.ops;

import io.mcpruntime.api.HealthStatus;
import io.mcpruntime.runtime.framework.PluginFile;
import io.mcpruntime.runtime.framework.Signer;
import io.mcpruntime.runtime.registry.Feature;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.JarFingerprint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What every jar in the plugins folder is doing: its bundle state, why it does not serve (missing package, not a
 * bundle), its jar's SHA-256, the namespace it serves under, what it serves, what it contributes but is refused (a
 * namespace or name held by another plugin), and the health it reports.
 */
public final class PluginReport {
    private final Path folder;
    private final Supplier<List<PluginFile>> files;
    private final FeatureCatalog catalog;
    private final HealthChecks health;
    private final JarFingerprint fingerprints = new JarFingerprint();

    public PluginReport(Path folder, Supplier<List<PluginFile>> files, FeatureCatalog catalog, HealthChecks health) {
        this.folder = folder;
        this.files = files;
        this.catalog = catalog;
        this.health = health;
    }

    /**
     * One plugin file's status; {@code health} is what the plugin reports itself, if it has a health check;
     * {@code signer} who signed its jar, in {@code plugin-trust=signed}; {@code namespace} the one its features are
     * served under, or {@code null} while it serves none.
     */
    public record PluginStatus(String file, String symbolicName, String version, String state, String problem,
            Signer signer, String sha256, String namespace, List<String> serves, Map<String, String> refused,
            HealthStatus health) {
    }

    public List<PluginStatus> plugins() {
        return plugins(health.byPlugin());
    }

    /** The same without asking the plugins' health checks (for views refreshed often). */
    public List<PluginStatus> pluginsWithoutHealth() {
        return plugins(Map.of());
    }

    private List<PluginStatus> plugins(Map<Long, HealthStatus> reported) {
        List<Feature> served = catalog.snapshot();
        Map<Feature, String> refused = catalog.refused();
        return files.get().stream().map(file -> {
            List<Feature> own = served.stream().filter(f -> f.owner().bundleId() == file.bundleId()).toList();
            return new PluginStatus(file.file(), file.symbolicName(), file.version(), file.state(), file.problem(),
                    file.signer(), fingerprints.sha256(folder.resolve(file.file())),
                    own.isEmpty() ? null : own.get(0).owner().namespace(),
                    own.stream().map(Feature::key).sorted().toList(),
                    refusedOf(refused, file.bundleId()),
                    reported.get(file.bundleId()));
        }).toList();
    }

    private static Map<String, String> refusedOf(Map<Feature, String> refused, long bundleId) {
        Map<String, String> mine = new TreeMap<>();
        refused.forEach((feature, reason) -> {
            if (feature.owner().bundleId() == bundleId) {
                mine.put(feature.key(), reason);
            }
        });
        return mine;
    }
}
