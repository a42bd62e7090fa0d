package io.mcpruntime.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a plugin component whose public {@link Tool} methods the runtime serves as MCP tools.
 *
 * <p>Implemented by plugins, registered as an OSGi service (a Declarative Services {@code @Component} that
 * implements this interface is registered under it automatically). The runtime tracks these services: the tools
 * appear when the service is registered and disappear when it goes away, e.g. when the plugin jar is removed.
 *
 * <pre>{@code
 * @Component
 * public class HelloTools implements McpPlugin {
 *     @Tool(description = "Greets someone by name")
 *     public String greet(@Param(description = "Who to greet") String name) {
 *         return "Hello, " + name + "!";
 *     }
 * }
 * }</pre>
 *
 * <p>Tool methods may be called concurrently from several threads; a component must be thread-safe.
 */
@ConsumerType
public interface McpPlugin {
}
