package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.Caller;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which OAuth scopes a tool needs, and so whether a caller may see and call it: the tool's own
 * ({@code @Tool(scopes)}), its plugin's ({@code MCP-Scopes} manifest header) and the operator's
 * ({@code --oauth-tool-scopes}, tool-name patterns with {@code *}). A caller nobody authenticated (stdio, HTTP
 * without OAuth) may use every tool: there is no token to check.
 */
public final class ToolScopes {
    private final Map<Pattern, Set<String>> operatorRules;

    /** @param operatorRules tool-name pattern ({@code *} matches anything) to the scopes its tools need */
    public ToolScopes(Map<String, Set<String>> operatorRules) {
        this.operatorRules = operatorRules.entrySet().stream().collect(Collectors.toMap(
                e -> Pattern.compile(Pattern.quote(e.getKey()).replace("*", "\\E.*\\Q")), e -> Set.copyOf(e.getValue())));
    }

    /** Every scope this tool needs. */
    public Set<String> required(ToolDefinition tool) {
        Set<String> scopes = new TreeSet<>(tool.scopes());
        scopes.addAll(tool.owner().scopes());
        operatorRules.forEach((pattern, needed) -> {
            if (pattern.matcher(tool.name()).matches()) {
                scopes.addAll(needed);
            }
        });
        return scopes;
    }

    /** Whether the caller's token grants every scope the tool needs (always, for an unauthenticated caller). */
    public boolean allows(Caller caller, ToolDefinition tool) {
        return !caller.authenticated() || caller.scopes().containsAll(required(tool));
    }

    /** Why a caller without them cannot call the tool. */
    public String refusal(ToolDefinition tool) {
        return "Tool '" + tool.name() + "' needs scope '" + String.join(" ", required(tool))
                + "', which the caller's access token does not grant (insufficient_scope)";
    }

    /** The scopes any of these tools needs, for the protected resource metadata. */
    public Set<String> inUse(Collection<ToolDefinition> tools) {
        Set<String> scopes = new HashSet<>();
        tools.forEach(tool -> scopes.addAll(required(tool)));
        return scopes;
    }
}
