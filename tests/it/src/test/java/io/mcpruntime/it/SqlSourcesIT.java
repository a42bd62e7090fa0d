package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources come from configuration files in the plugins folder and from the environment: adding, editing and
 * deleting a file changes the sources (and the write tool) while the server runs; a file that cannot be used is
 * reported, never fatal.
 */
class SqlSourcesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An in-memory H2 that creates its table on connect (idempotent, as every new pool connects again). */
    private static final String SHOP_URL = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1;INIT="
            + "CREATE TABLE IF NOT EXISTS items (id INT PRIMARY KEY, name VARCHAR(40))\\\\;"
            + "MERGE INTO items KEY (id) VALUES (1, 'apple')";

    @TempDir
    Path plugins;

    @Test
    void configurationFilesAddChangeAndRemoveSourcesWhileServing() throws Exception {
        Fixtures.drop("sql.jar", plugins, "sql.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins);
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()), tools -> { })) {
            assertEquals(List.of("demo"), sourceNames(client));

            Path shop = plugins.resolve("io.mcpruntime.sql.source-shop.cfg");
            Files.writeString(shop, "url = " + SHOP_URL + "\nuser = sa\nreadOnly = false\nmaxRows = 50\n");
            await(() -> sourceNames(client), List.of("shop")::equals, "the file's source replaces the demo");
            await(() -> Clients.pluginToolNames(client), names -> names.contains("sql_execute"),
                    "a read-write source brings the write tool");

            McpSchema.CallToolResult insert = Clients.call(client, "sql_execute", Map.of("source", "shop",
                    "sql", "INSERT INTO items (id, name) VALUES (?, ?)", "params", List.of(2, "pear")));
            assertFalse(Boolean.TRUE.equals(insert.isError()), Clients.text(insert));
            assertEquals(1, ((Map<?, ?>) insert.structuredContent()).get("affectedRows"));
            JsonNode rows = structured(Clients.call(client, "sql_query",
                    Map.of("sql", "SELECT name FROM items ORDER BY id")));
            assertEquals("[[\"apple\"],[\"pear\"]]", rows.get("rows").toString());
            assertFalse(rows.has("note"), "not the demo");
            McpSchema.CallToolResult drop = Clients.call(client, "sql_execute", Map.of("source", "shop",
                    "sql", "DROP TABLE items"));
            assertTrue(Clients.text(drop).startsWith("Refused: only INSERT, UPDATE, DELETE and MERGE"),
                    Clients.text(drop));

            Files.writeString(shop, "url = " + SHOP_URL + "\nuser = sa\nreadOnly = true\nmaxRows = 7\n");
            await(() -> source(client, "shop").get("maxRows").asInt(), rows7 -> rows7 == 7,
                    "an edited file re-creates the source");
            assertTrue(source(client, "shop").get("readOnly").asBoolean());
            await(() -> Clients.pluginToolNames(client), names -> !names.contains("sql_execute"),
                    "no read-write source, no write tool");

            Files.writeString(plugins.resolve("io.mcpruntime.sql.source-broken.cfg"), "url = jdbc:nope:x\n");
            await(() -> structured(Clients.call(client, "sql_list_sources", Map.of())).at("/problems/broken")
                    .asText(), problem -> problem.contains("unsupported JDBC URL"), "a broken file is reported");
            JsonNode health = JSON.readTree(OpsIT.get(URI.create(runtime.endpoint()).resolve("/health")).body());
            assertEquals("DEGRADED", health.get("status").asText(), "and makes the plugin degraded, not dead");

            Files.delete(shop);
            Files.delete(plugins.resolve("io.mcpruntime.sql.source-broken.cfg"));
            await(() -> sourceNames(client), List.of("demo")::equals, "without sources the demo comes back");
        }
    }

    @Test
    void theEnvironmentConfiguresASourceForTheSimpleCase() throws Exception {
        Fixtures.drop("sql.jar", plugins, "sql.jar");
        Path password = Files.writeString(plugins.resolve("../warehouse.secret"), "s3cret\n");
        Map<String, String> environment = Map.of("MCP_SQL_URL", "jdbc:h2:mem:warehouse", "MCP_SQL_NAME",
                "warehouse", "MCP_SQL_USER", "keeper", "MCP_SQL_PASSWORD_FILE", password.toString(),
                "MCP_SQL_QUERY_TIMEOUT", "7", "MCP_CONNECTION_RETRY_ATTEMPTS", "2");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, environment);
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()), tools -> { })) {
            JsonNode warehouse = source(client, "warehouse");
            assertEquals("UNKNOWN", warehouse.get("health").asText(), "not contacted at start");
            assertEquals(7, warehouse.get("queryTimeoutSeconds").asInt());
            JsonNode answer = structured(Clients.call(client, "sql_query", Map.of("sql", "SELECT CURRENT_USER")));
            assertEquals("[[\"keeper\"]]", answer.get("rows").toString().toLowerCase(),
                    "the login from the environment, the password from its file");
            assertEquals("UP", source(client, "warehouse").get("health").asText());
        }
    }

    private static JsonNode structured(McpSchema.CallToolResult result) {
        assertFalse(Boolean.TRUE.equals(result.isError()), Clients.text(result));
        return JSON.valueToTree(result.structuredContent());
    }

    private static List<String> sourceNames(McpSyncClient client) {
        JsonNode sources = structured(Clients.call(client, "sql_list_sources", Map.of())).get("sources");
        return java.util.stream.StreamSupport.stream(sources.spliterator(), false).map(s -> s.get("name").asText())
                .toList();
    }

    private static JsonNode source(McpSyncClient client, String name) {
        for (JsonNode source : structured(Clients.call(client, "sql_list_sources", Map.of())).get("sources")) {
            if (source.get("name").asText().equals(name)) {
                return source;
            }
        }
        return JSON.createObjectNode();
    }

    /** Polls until the condition holds (FileInstall and ConfigAdmin act asynchronously), failing after 30 s. */
    private static <T> void await(Supplier<T> value, Predicate<T> condition, String what) throws InterruptedException {
        T last = null;
        for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; ) {
            last = value.get();
            if (condition.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + "; last seen: " + last);
    }
}
