package io.mcpruntime.memory;

import io.mcpruntime.api.HealthCheck;
import io.mcpruntime.api.HealthStatus;
import io.mcpruntime.api.ToolException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's health in the runtime's {@code /health}: UP with the entry count while the index reads. */
@Component
public class MemoryHealth implements HealthCheck {
    @Reference
    private MemoryStore store;

    @Override
    public HealthStatus check() {
        try {
            return HealthStatus.up(store.stats().entries() + " entries in " + store.folder());
        } catch (ToolException e) {
            return HealthStatus.down(e.getMessage());
        }
    }
}
