package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolResult;
import java.util.Map;

/** Runs one tool: arguments as parsed JSON (maps, lists, strings, numbers, booleans) in, a result out. */
@FunctionalInterface
public interface ToolHandler {
    ToolResult invoke(Map<String, Object> arguments, ToolContext context) throws Exception;
}
