package io.mcpruntime.it;

import static io.mcpruntime.it.SqlRuntime.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources come from configuration files in the plugins folder and from the environment: adding, editing and
 * deleting a file changes the sources (and the write tool) while the server runs; a file that cannot be used is
 * reported, never fatal.
 */
class SqlSourcesIT {
    /** An in-memory H2 that creates its table on connect (idempotent, as every new pool connects again). */
    private static final String SHOP_URL = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1;INIT="
            + "CREATE TABLE IF NOT EXISTS items (id INT PRIMARY KEY, name VARCHAR(40))\\\\;"
            + "MERGE INTO items KEY (id) VALUES (1, 'apple')";

    @TempDir
    Path plugins;

    @Test
    void configurationFilesAddChangeAndRemoveSourcesWhileServing() throws Exception {
        try (SqlRuntime sql = SqlRuntime.start(plugins)) {
            assertEquals(List.of("demo"), sql.sourceNames());

            Path shop = SqlRuntime.writeSource(plugins, "shop",
                    "url = " + SHOP_URL + "\nuser = sa\nreadOnly = false\nmaxRows = 50\n");
            await(sql::sourceNames, List.of("shop")::equals, "the file's source replaces the demo");
            await(() -> Clients.pluginToolNames(sql.client()), names -> names.contains("sql_execute"),
                    "a read-write source brings the write tool");

            JsonNode insert = sql.answer("sql_execute", Map.of("source", "shop",
                    "sql", "INSERT INTO items (id, name) VALUES (?, ?)", "params", List.of(2, "pear")));
            assertEquals(IntNode.valueOf(1), insert.get("affectedRows"));
            JsonNode rows = sql.answer("sql_query", Map.of("sql", "SELECT name FROM items ORDER BY id"));
            assertEquals("[[\"apple\"],[\"pear\"]]", rows.get("rows").toString());
            assertFalse(rows.has("note"), "not the demo");
            McpSchema.CallToolResult drop = sql.call("sql_execute", Map.of("source", "shop",
                    "sql", "DROP TABLE items"));
            assertTrue(Clients.text(drop).startsWith("Refused: only INSERT, UPDATE, DELETE and MERGE"),
                    Clients.text(drop));

            Files.writeString(shop, "url = " + SHOP_URL + "\nuser = sa\nreadOnly = true\nmaxRows = 7\n");
            await(() -> sql.source("shop").path("maxRows").asInt(), rows7 -> rows7 == 7,
                    "an edited file re-creates the source");
            assertTrue(sql.source("shop").get("readOnly").asBoolean());
            await(() -> Clients.pluginToolNames(sql.client()), names -> !names.contains("sql_execute"),
                    "no read-write source, no write tool");

            Path broken = SqlRuntime.writeSource(plugins, "broken", "url = jdbc:nope:x\n");
            await(() -> sql.answer("sql_list_sources", Map.of()).at("/problems/broken").asText(),
                    problem -> problem.contains("unsupported JDBC URL"), "a broken file is reported");
            assertEquals("DEGRADED", sql.health().get("status").asText(), "and makes the plugin degraded, not dead");

            Files.delete(shop);
            Files.delete(broken);
            await(sql::sourceNames, List.of("demo")::equals, "without sources the demo comes back");
        }
    }

    @Test
    void theEnvironmentConfiguresASourceForTheSimpleCase() throws Exception {
        Path password = Files.writeString(plugins.resolve("../warehouse.secret"), "s3cret\n");
        Map<String, String> environment = Map.of("MCP_SQL_URL", "jdbc:h2:mem:warehouse", "MCP_SQL_NAME",
                "warehouse", "MCP_SQL_USER", "keeper", "MCP_SQL_PASSWORD_FILE", password.toString(),
                "MCP_SQL_QUERY_TIMEOUT", "7", "MCP_CONNECTION_RETRY_ATTEMPTS", "2");
        try (SqlRuntime sql = SqlRuntime.start(plugins, environment)) {
            JsonNode warehouse = sql.source("warehouse");
            assertEquals("UNKNOWN", warehouse.get("health").asText(), "not contacted at start");
            assertEquals(7, warehouse.get("queryTimeoutSeconds").asInt());
            JsonNode answer = sql.answer("sql_query", Map.of("sql", "SELECT CURRENT_USER"));
            assertEquals("[[\"keeper\"]]", answer.get("rows").toString().toLowerCase(),
                    "the login from the environment, the password from its file");
            assertEquals("UP", sql.source("warehouse").get("health").asText());
        }
    }
}
