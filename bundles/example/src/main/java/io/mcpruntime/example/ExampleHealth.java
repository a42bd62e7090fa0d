package io.mcpruntime.example;

import io.mcpruntime.api.HealthCheck;
import io.mcpruntime.api.HealthStatus;
import org.osgi.service.component.annotations.Component;

/** The example plugin's health as /health shows it; a real plugin reports what it depends on. */
@Component
public class ExampleHealth implements HealthCheck {

    @Override
    public HealthStatus check() {
        return HealthStatus.up("the example plugin needs nothing");
    }
}
