package io.mcpruntime.api;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tool defined at run time, for tools whose schema is only known then (one per database table, say).
 *
 * <p>Implemented by plugins and registered as an OSGi service, one service per tool; the tool lives exactly as
 * long as the service. Its name is prefixed with the plugin's namespace like any other.
 *
 * <pre>{@code
 * context.registerService(McpTool.class, new McpTool() {
 *     public ToolSpec spec() {
 *         return ToolSpec.builder("count_rows").description("Counts rows of orders")
 *                 .inputSchema("{\"type\":\"object\",\"properties\":{}}").build();
 *     }
 *     public ToolResult call(Map<String, Object> arguments, ToolContext context) {
 *         return ToolResult.text("42");
 *     }
 * }, null);
 * }</pre>
 */
@ConsumerType
public interface McpTool {

    /** The tool's name, description and schemas; read when the service is registered. */
    ToolSpec spec();

    /**
     * Runs the tool. Arguments are parsed JSON (maps, lists, strings, numbers, booleans, null), already validated
     * against the input schema. May be called concurrently.
     */
    ToolResult call(Map<String, Object> arguments, ToolContext context) throws Exception;
}
