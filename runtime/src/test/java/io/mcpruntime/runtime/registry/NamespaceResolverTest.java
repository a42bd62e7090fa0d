package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NamespaceResolverTest {

    @Test
    void namespacesAreMadeSafeForToolNames() {
        assertEquals("weather", NamespaceResolver.sanitize("Weather"));
        assertEquals("sql_server", NamespaceResolver.sanitize("sql-server"));
        assertEquals("p2fa", NamespaceResolver.sanitize("2fa"));
        assertEquals("p", NamespaceResolver.sanitize("  "));
    }
}
