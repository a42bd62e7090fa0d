package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpruntime.api.Caller;
import io.mcpruntime.api.TaskSupport;
import io.mcpruntime.api.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolScopesTest {
    private static final PluginId PLUGIN = new PluginId(7, "com.acme.sql", "1.0.0", "sql", Set.of("db"));
    private static final ToolScopes SCOPES = new ToolScopes(Map.of("sql_*", Set.of("db:read"),
            "sql_execute", Set.of("db:write")));

    @Test
    void aToolNeedsItsOwnItsPluginsAndTheOperatorsScopes() {
        assertEquals(Set.of("own", "db", "db:read", "db:write"), SCOPES.required(tool("sql_execute", "own")));
        assertEquals(Set.of("db", "db:read"), SCOPES.required(tool("sql_query")));
        assertEquals(Set.of("own", "db", "db:read", "db:write"),
                SCOPES.inUse(List.of(tool("sql_query"), tool("sql_execute", "own"))));
    }

    @Test
    void anAuthenticatedCallerNeedsEveryScopeAndAnAnonymousOneNone() {
        ToolDefinition query = tool("sql_query");
        assertTrue(SCOPES.allows(new Caller("alice", Set.of("db", "db:read", "other")), query));
        assertFalse(SCOPES.allows(new Caller("bob", Set.of("db")), query));
        assertTrue(SCOPES.allows(Caller.ANONYMOUS, query), "nobody authenticated: no token to check");
    }

    @Test
    void aPatternMatchesWholeNamesOnly() {
        ToolScopes exact = new ToolScopes(Map.of("sql.query", Set.of("x")));
        assertEquals(Set.of("db"), exact.required(tool("sql_query")), "a dot in a pattern is not a wildcard");
    }

    private static ToolDefinition tool(String name, String... scopes) {
        return new ToolDefinition(name, null, null, Map.of("type", "object"), null, Set.of(), ToolHints.DEFAULT,
                null, (a, c) -> ToolResult.text("ok"), PLUGIN, Set.of(scopes),
                TaskSupport.FORBIDDEN);
    }
}
