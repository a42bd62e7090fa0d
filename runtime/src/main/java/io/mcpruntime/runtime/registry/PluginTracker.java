package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.McpPlugin;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard: follows every {@link McpPlugin} service in the framework and keeps its tools in the
 * {@link ToolCatalog} for exactly as long as the service is registered.
 */
public final class PluginTracker extends ServiceTracker<McpPlugin, List<ToolDefinition>> {
    private static final Logger LOG = LoggerFactory.getLogger(PluginTracker.class);

    private final ToolCatalog catalog;
    private final AnnotatedToolScanner scanner;

    public PluginTracker(BundleContext context, ToolCatalog catalog, AnnotatedToolScanner scanner) {
        super(context, McpPlugin.class, null);
        this.catalog = catalog;
        this.scanner = scanner;
    }

    @Override
    public List<ToolDefinition> addingService(ServiceReference<McpPlugin> reference) {
        McpPlugin component = context.getService(reference);
        if (component == null) {
            return null; // the component failed to activate; SCR has logged why
        }
        Bundle bundle = reference.getBundle();
        PluginId owner = new PluginId(bundle.getBundleId(), bundle.getSymbolicName(),
                bundle.getVersion().toString(), NamespaceResolver.resolve(component.getClass(), bundle));
        List<ToolDefinition> accepted = catalog.addAll(scanner.scan(component, owner));
        LOG.info("Plugin {} ({}): {} tool(s) {}", owner, component.getClass().getSimpleName(), accepted.size(),
                accepted.stream().map(ToolDefinition::name).toList());
        return accepted;
    }

    @Override
    public void removedService(ServiceReference<McpPlugin> reference, List<ToolDefinition> tools) {
        catalog.removeAll(tools);
        LOG.info("Plugin {} {}: removed {} tool(s)", reference.getBundle().getSymbolicName(),
                reference.getBundle().getVersion(), tools.size());
        context.ungetService(reference);
    }
}
