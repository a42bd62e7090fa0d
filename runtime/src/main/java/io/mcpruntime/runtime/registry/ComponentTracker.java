package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.McpPlugin;
import java.time.Duration;
import java.util.List;
import org.osgi.framework.BundleContext;

/** Follows {@link McpPlugin} components and serves their annotated tools, resources, prompts and completions. */
public final class ComponentTracker extends WhiteboardTracker<McpPlugin> {
    private final ComponentScanner scanner;

    public ComponentTracker(BundleContext context, FeatureCatalog catalog, ComponentScanner scanner,
            PluginGates gates, Duration drainTimeout, AuditTrail audit) {
        super(context, McpPlugin.class, catalog, gates, drainTimeout, audit);
        this.scanner = scanner;
    }

    @Override
    List<Feature> featuresOf(McpPlugin component, PluginId owner) {
        return scanner.scan(component, owner);
    }
}
