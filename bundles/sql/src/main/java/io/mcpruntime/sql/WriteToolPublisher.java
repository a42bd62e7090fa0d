package io.mcpruntime.sql;

import io.mcpruntime.api.McpTool;
import io.mcpruntime.sql.source.Sources;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers {@link WriteTool} while at least one source is read-write, and again whenever that set changes, so the
 * tool's description and schema name exactly those sources.
 */
@Component
public class WriteToolPublisher {
    @Reference
    private Sources sources;
    private BundleContext bundle;
    private ServiceRegistration<McpTool> registration;

    @Activate
    void activate(BundleContext context) {
        bundle = context;
        sources.onWritableChange(this::publish);
    }

    @Deactivate
    void deactivate() {
        sources.onWritableChange(null);
        publish(List.of());
    }

    private synchronized void publish(List<String> writable) {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (!writable.isEmpty()) {
            registration = bundle.registerService(McpTool.class, new WriteTool(sources, writable), null);
        }
    }
}
