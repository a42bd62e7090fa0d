package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ToolNamesTest {

    @Test
    void shortNamesAreNamespaceUnderscoreName() {
        assertEquals("sql_run_query", ToolNames.qualify("sql", "run_query"));
    }

    @Test
    void charactersClientsRejectBecomeUnderscores() {
        assertEquals("sql_run_query_v2", ToolNames.qualify("sql", "run.query v2"));
    }

    @Test
    void longNamesAreCutToSixtyFourWithAStableHash() {
        String longName = "x".repeat(100);
        String shortened = ToolNames.qualify("sql", longName);
        assertEquals(64, shortened.length());
        assertEquals(shortened, ToolNames.qualify("sql", longName));
        assertNotEquals(shortened, ToolNames.qualify("sql", longName + "y"));
    }
}
