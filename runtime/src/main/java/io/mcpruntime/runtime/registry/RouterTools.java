package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two stable kernel tools for clients that ignore list_changed: find tools by text or tag (with their schemas) and
 * call any tool by name, so a tool deployed after the client connected is usable at once.
 */
public final class RouterTools implements McpPlugin {
    private final FeatureCatalog catalog;
    private final ToolInvoker invoker;
    private final ToolScopes scopes;

    public RouterTools(FeatureCatalog catalog, ToolInvoker invoker, ToolScopes scopes) {
        this.scopes = scopes;
        this.catalog = catalog;
        this.invoker = invoker;
    }

    /** What a client needs to call a tool. */
    public record ToolSummary(String name, String title, String description, List<String> tags,
            Map<String, Object> inputSchema) {
    }

    /** The tools that matched, best first. */
    public record FoundTools(int total, List<ToolSummary> tools) {
    }

    @Tool(name = "find_tools", readOnly = true, idempotent = true, openWorld = false,
            description = "Finds tools of this server by words in their name or description, or by tag, and returns "
                    + "their input schemas. Tools can be added while you are connected: use this when a tool you "
                    + "need is not in your list, then call it with mcp_call_tool.")
    public FoundTools findTools(ToolContext context,
            @Param(description = "Words to look for (all must match); empty lists every tool", required = false)
            String query,
            @Param(description = "Only tools with this tag", required = false) String tag,
            @Param(description = "Return at most this many", defaultValue = "20", minimum = 1, maximum = 200)
            int limit) {
        List<String> words = query == null ? List.of()
                : List.of(query.toLowerCase(Locale.ROOT).split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
        List<ToolSummary> matches = catalog.tools().stream()
                .filter(t -> !t.owner().isKernel() && scopes.allows(context.caller(), t))
                .filter(t -> tag == null || tag.isBlank() || t.tags().contains(tag))
                .filter(t -> words.stream().allMatch(w -> searchText(t).contains(w)))
                .sorted(Comparator.comparing(ToolDefinition::name))
                .map(t -> new ToolSummary(t.name(), t.title(), t.description(), t.tags().stream().sorted().toList(),
                        t.inputSchema()))
                .toList();
        return new FoundTools(matches.size(), matches.subList(0, Math.min(limit, matches.size())));
    }

    @Tool(name = "call_tool",
            description = "Calls a tool of this server by its full name, including tools added after your tool list "
                    + "was loaded. Find names and argument schemas with mcp_find_tools.")
    public ToolResult callTool(
            @Param(description = "The tool's full name, as mcp_find_tools shows it") String name,
            @Param(description = "The tool's arguments, as its input schema describes them", required = false)
            Map<String, Object> arguments,
            ToolContext context) {
        ToolDefinition tool = catalog.tool(name);
        if (tool == null || tool.owner().isKernel()) {
            return ToolResult.error("No tool named '" + name + "'; use mcp_find_tools to see which tools exist");
        }
        if (!scopes.allows(context.caller(), tool)) {
            return ToolResult.error(scopes.refusal(tool));
        }
        return invoker.invoke(tool, arguments, context);
    }

    private static String searchText(ToolDefinition tool) {
        return (tool.name() + " " + (tool.title() == null ? "" : tool.title()) + " "
                + (tool.description() == null ? "" : tool.description())).toLowerCase(Locale.ROOT);
    }
}
