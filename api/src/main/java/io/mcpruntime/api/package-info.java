/**
 * The plugin API of mcp-runtime: everything a plugin author compiles against.
 *
 * <p>A plugin is an OSGi bundle dropped into the runtime's plugins folder. Each of its Declarative Services
 * components that implements {@link io.mcpruntime.api.McpPlugin} contributes its {@link io.mcpruntime.api.Tool}
 * methods to every connected MCP client, under the plugin's {@link io.mcpruntime.api.Namespace namespace}.
 *
 * <p>This package depends on no MCP SDK, JSON library or container type, and it is never updated while the
 * runtime runs, so replacing a plugin never restarts another one.
 */
@Export
@Version("1.2.0")
package io.mcpruntime.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
