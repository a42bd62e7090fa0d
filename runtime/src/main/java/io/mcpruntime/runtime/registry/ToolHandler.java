package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.ToolContext;
import java.util.Map;

/** Runs one tool: arguments as parsed JSON (maps, lists, strings, numbers, booleans) in, an outcome out. */
@FunctionalInterface
public interface ToolHandler {
    ToolOutcome invoke(Map<String, Object> arguments, ToolContext context) throws Exception;
}
