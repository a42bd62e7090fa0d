package io.mcpruntime.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's own health, shown in the runtime's {@code GET /health} next to the plugin (a database plugin reports
 * whether its database answers, say). A plugin that reports DOWN or DEGRADED makes the runtime DEGRADED, never
 * dead: the other plugins keep serving.
 *
 * <p>Implemented by plugins and registered as an OSGi service (a DS {@code @Component} implementing this interface
 * is registered automatically). Called on every health request, from any thread, with a time limit of a couple of
 * seconds: keep it cheap (report a cached state) and never block for long.
 */
@ConsumerType
public interface HealthCheck {

    HealthStatus check();
}
