package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.McpPlugin;
import java.time.Duration;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Follows {@link McpPlugin} components and serves their annotated tools, resources and prompts. */
public final class ComponentTracker extends WhiteboardTracker<McpPlugin> {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentTracker.class);

    private final FeatureCatalog catalog;
    private final ComponentScanner scanner;

    public ComponentTracker(BundleContext context, FeatureCatalog catalog, ComponentScanner scanner,
            PluginGates gates, Duration drainTimeout) {
        super(context, McpPlugin.class, gates, drainTimeout);
        this.catalog = catalog;
        this.scanner = scanner;
    }

    @Override
    AutoCloseable contribute(McpPlugin component, PluginId owner) {
        FeatureCatalog.Registration registration = catalog.register(scanner.scan(component, owner));
        LOG.info("Plugin {} ({}): serving {}", owner, component.getClass().getSimpleName(),
                catalog.servedOf(registration));
        return () -> {
            catalog.unregister(registration);
            LOG.info("Plugin {} ({}): withdrawn", owner, component.getClass().getSimpleName());
        };
    }
}
