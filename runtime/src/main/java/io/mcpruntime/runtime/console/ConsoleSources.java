package io.mcpruntime.runtime.console;

import io.mcpruntime.runtime.mcp.OpenSessions;
import io.mcpruntime.runtime.mcp.RunningCalls;
import io.mcpruntime.runtime.ops.KernelMetrics;
import io.mcpruntime.runtime.ops.PluginReport;
import io.mcpruntime.runtime.registry.AuditTrail;
import io.mcpruntime.runtime.registry.ToolDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What the console reads and does, taken from the kernel's own sources: nothing here is computed a second way.
 *
 * @param plugins the report behind /health and mcp_plugins
 * @param tools the tools served now
 * @param audit the registry's latest changes, newest first
 * @param runningCalls the tool calls not yet answered
 * @param sessions the MCP sessions open now
 * @param callTotals every tool's calls so far, from the kernel's meters
 * @param changes a value that changes whenever a plugin file, what is served or the open sessions do (compared,
 *     never shown)
 * @param calls calls a tool as a client would
 * @param pluginsFolder the watched folder uploads go to
 */
public record ConsoleSources(PluginReport plugins, Supplier<List<ToolDefinition>> tools,
        IntFunction<List<AuditTrail.Entry>> audit, Supplier<List<RunningCalls.Running>> runningCalls,
        Supplier<List<OpenSessions.Session>> sessions, Supplier<Map<String, KernelMetrics.CallTotals>> callTotals,
        Supplier<Object> changes, ToolCaller calls, Path pluginsFolder) {
}
