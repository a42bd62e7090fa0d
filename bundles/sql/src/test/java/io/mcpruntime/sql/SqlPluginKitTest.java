package io.mcpruntime.sql;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mcpruntime.testing.McpKit;
import io.mcpruntime.testing.McpTestClient;
import io.mcpruntime.testing.PluginJar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin in a real kernel, in-process, built from target/classes: the demo, then a read-write source. */
class SqlPluginKitTest {
    private static final String SOURCE = "io.mcpruntime.sql.source-shop";

    @RegisterExtension
    final McpKit kit = McpKit.withPlugin(PluginJar.fromClasses());

    @Test
    void servesTheDemoThenFollowsAConfiguredSource() {
        McpTestClient client = kit.client();
        client.callTool("sql_query", Map.of("sql", "SELECT COUNT(*) AS n FROM customers"))
                .assertSuccess().assertTextContains("demo");
        assertFalse(client.toolNames().contains("sql_execute"), "the demo is read-only");

        kit.configure(SOURCE, Map.of("url", "jdbc:h2:mem:kit-shop;DB_CLOSE_DELAY=-1", "user", "sa",
                "readOnly", "false"));
        client.awaitToolNames(names -> names.contains("sql_execute"));
        client.callTool("sql_execute", Map.of("source", "shop", "sql", "CREATE TABLE t (id INT)")).assertError()
                .assertTextContains("Refused: only INSERT, UPDATE, DELETE and MERGE are allowed here, not CreateTable");
        client.callTool("sql_query", Map.of("sql", "SELECT 1 AS one")).assertSuccess().assertTextContains("one");

        kit.removeConfiguration(SOURCE);
        client.awaitToolNames(names -> !names.contains("sql_execute"));
        client.callTool("sql_list_sources").assertSuccess().assertTextContains("demo");
    }
}
