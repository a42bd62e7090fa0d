package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SQL plugin as a client sees it with no configuration: its jar in a plugins folder of the real runtime, the
 * built-in demo database (H2 in SQL Server mode), every tool, resource and prompt over Streamable HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlToolsIT {
    private SqlRuntime sql;
    private McpSyncClient client;

    @BeforeAll
    void start() throws Exception {
        sql = SqlRuntime.start(Files.createTempDirectory("sql-plugins"));
        client = sql.client();
    }

    @AfterAll
    void stop() throws InterruptedException {
        sql.close();
    }

    private JsonNode call(String tool, Map<String, Object> arguments) {
        JsonNode structured = sql.answer(tool, arguments);
        assertEquals("demo", structured.get("source").asText(), "every answer names its source");
        assertTrue(structured.get("demo").asBoolean(), "every answer says it is the demo");
        assertTrue(structured.get("note").asText().contains("DEMO"));
        return structured;
    }

    @Test
    void servesSevenReadToolsAndNoWriteToolWithoutAReadWriteSource() {
        assertEquals(List.of("sql_aggregate", "sql_describe_table", "sql_explain", "sql_list_sources",
                "sql_query", "sql_sample", "sql_search_objects"), Clients.pluginToolNames(client));
        client.listTools().tools().stream().filter(t -> t.name().startsWith("sql_"))
                .forEach(t -> assertTrue(t.annotations().readOnlyHint(), t.name()));
    }

    @Test
    void listsTheDemoSourceWithItsSettings() {
        JsonNode source = sql.sources().get(0);
        assertEquals("demo", source.get("name").asText());
        assertEquals("H2", source.get("database").asText());
        assertTrue(source.get("readOnly").asBoolean());
        assertEquals("CLOSED", source.get("breaker").asText());
        assertEquals(1000, source.get("maxRows").asInt());
        assertEquals(30, source.get("queryTimeoutSeconds").asInt());
        assertTrue(source.get("note").asText().contains("DEMO"));
    }

    @Test
    void searchesObjectsByPatternAPageAtATime() {
        JsonNode tables = call("sql_search_objects", Map.of("pattern", "order", "kinds", List.of("table")));
        assertEquals(List.of("order_items", "orders"), names(tables.get("objects")));
        assertNull(tables.get("nextOffset"));

        JsonNode first = call("sql_search_objects", Map.of("pattern", "*", "limit", 3, "detail", "names"));
        assertEquals(3, first.get("objects").size());
        assertEquals(3, first.get("nextOffset").asInt());
        assertNull(first.get("objects").get(0).get("parent"), "names only");
        JsonNode second = call("sql_search_objects", Map.of("pattern", "*", "limit", 3, "offset", 3));
        assertFalse(names(first.get("objects")).contains(names(second.get("objects")).get(0)));

        JsonNode columns = call("sql_search_objects", Map.of("pattern", "email", "kinds", List.of("column")));
        JsonNode email = columns.get("objects").get(0);
        assertEquals("customers", email.get("parent").asText());
        assertEquals("CHARACTER VARYING", email.get("dataType").asText());

        JsonNode full = call("sql_search_objects", Map.of("pattern", "products", "detail", "full",
                "kinds", List.of("table")));
        assertTrue(full.get("objects").get(0).get("columns").toString().contains("unit_price"));
    }

    @Test
    void describesATableWithKeysAndIndexes() {
        JsonNode table = call("sql_describe_table", Map.of("table", "dbo.orders")).get("table");
        assertEquals("orders", table.get("name").asText());
        assertEquals(List.of("id", "customer_id", "order_date", "status", "total"), names(table.get("columns")));
        assertEquals("[\"id\"]", table.get("primaryKey").toString());
        JsonNode foreignKey = table.get("foreignKeys").get(0);
        assertEquals("dbo.customers", foreignKey.get("references").asText());
        assertEquals("[\"customer_id\"]", foreignKey.get("columns").toString());
        assertTrue(table.get("indexes").toString().contains("ix_orders_customer"));
        assertEquals("customers", call("sql_describe_table", Map.of("table", "[CUSTOMERS]")).at("/table/name")
                .asText(), "brackets and any case");
        McpSchema.CallToolResult missing = sql.call("sql_describe_table", Map.of("table", "nope"));
        assertTrue(missing.isError());
        assertTrue(Clients.text(missing).contains("sql_search_objects"), Clients.text(missing));
    }

    @Test
    void queriesWithParametersColumnTypesAndATruncatedFlag() {
        JsonNode result = call("sql_query", Map.of("sql",
                "SELECT TOP 10 [name], country FROM dbo.customers WHERE country = ? ORDER BY name",
                "params", List.of("Japan")));
        assertEquals("[[\"Hiro Tanaka\",\"Japan\"],[\"Kai Nakamura\",\"Japan\"]]", result.get("rows").toString());
        assertEquals(2, result.get("rowCount").asInt());
        assertFalse(result.get("truncated").asBoolean());
        assertEquals("VARCHAR", result.at("/columns/0/jdbcType").asText());

        JsonNode capped = call("sql_query", Map.of("sql", "SELECT id FROM dbo.orders ORDER BY id", "maxRows", 5));
        assertEquals(5, capped.get("rowCount").asInt());
        assertTrue(capped.get("truncated").asBoolean());
        assertEquals("row cap 5", capped.get("truncatedBy").asText());

        JsonNode types = call("sql_query", Map.of("sql",
                "SELECT unit_price, in_stock, CAST('2024-05-01' AS DATE) AS d FROM dbo.products WHERE sku = 'KB-101'"));
        assertEquals("[[89.0,40,\"2024-05-01\"]]", types.get("rows").toString().replace("89.00", "89.0"));
    }

    @Test
    void refusesWhatIsNotASingleReadOnlyQueryAndSaysWhy() {
        McpSchema.CallToolResult refused = sql.call("sql_query", Map.of("sql", "SELECT 1; DELETE FROM dbo.customers"));
        assertTrue(refused.isError());
        assertTrue(Clients.text(refused).startsWith("Refused:"), Clients.text(refused));
        assertTrue(Clients.text(refused).contains("DELETE"), Clients.text(refused));
        McpSchema.CallToolResult broken = sql.call("sql_query", Map.of("sql", "SELECT FROM WHERE"));
        assertTrue(Clients.text(broken).contains("could not be parsed"), Clients.text(broken));
        McpSchema.CallToolResult unknown = sql.call("sql_query", Map.of("sql", "SELECT * FROM nowhere"));
        assertTrue(unknown.isError());
        assertTrue(Clients.text(unknown).startsWith("The database of source 'demo' refused the statement"),
                Clients.text(unknown));
        assertFalse(Clients.text(unknown).contains("\tat "), "no stack trace");
    }

    @Test
    void aggregatesWithoutSql() {
        JsonNode byStatus = call("sql_aggregate", Map.of("table", "orders",
                "measures", List.of(Map.of("function", "count"), Map.of("function", "sum", "column", "total")),
                "groupBy", List.of("status")));
        assertEquals(List.of("status", "count", "sum_total"), names(byStatus.get("columns")));
        int orders = 0;
        for (JsonNode row : byStatus.get("rows")) {
            orders += row.get(1).asInt();
        }
        assertEquals(30, orders);
        assertTrue(byStatus.get("sql").asText().contains("GROUP BY"));

        JsonNode japan = call("sql_aggregate", Map.of("table", "customers", "filters", Map.of("country", "Japan")));
        assertEquals("[[2]]", japan.get("rows").toString());

        McpSchema.CallToolResult badColumn = sql.call("sql_aggregate", Map.of("table", "customers",
                "groupBy", List.of("nope; DROP TABLE x")));
        assertTrue(badColumn.isError());
        assertTrue(Clients.text(badColumn).contains("has no column"), Clients.text(badColumn));
    }

    @Test
    void explainsAQueryPlanAndSamplesRows() {
        JsonNode plan = call("sql_explain", Map.of("sql", "SELECT * FROM dbo.orders WHERE customer_id = 3"));
        assertEquals("text", plan.get("format").asText());
        assertTrue(plan.get("plan").asText().toUpperCase().contains("ORDERS"), plan.toString());

        JsonNode sample = call("sql_sample", Map.of("table", "products", "rows", 3));
        assertEquals(3, sample.get("rowCount").asInt());
        assertEquals(List.of("id", "sku", "name", "category", "unit_price", "in_stock"), names(sample.get("columns")));
    }

    @Test
    void resourcesShowHealthSchemaAndTables() {
        List<String> templates = client.listResourceTemplates().resourceTemplates().stream()
                .map(McpSchema.ResourceTemplate::uriTemplate).sorted().toList();
        assertTrue(templates.containsAll(List.of("sql://{source}/schema", "sql://{source}/tables/{table}")));
        assertTrue(client.listResources().resources().stream().anyMatch(r -> r.uri().equals("sql://health")));

        assertTrue(read("sql://health").contains("| demo (demo) | H2 |"), read("sql://health"));
        String schema = read("sql://demo/schema");
        assertTrue(schema.contains("DEMO"));
        assertTrue(schema.contains("**dbo.order_items** (table): order_id"), schema);
        assertTrue(schema.contains("**dbo.customer_order_totals** (view)"), schema);
        String table = read("sql://demo/tables/dbo.order_items");
        assertTrue(table.contains("Primary key: [order_id, line_no]"), table);
        assertTrue(table.contains("→ dbo.products[id]"), table);
    }

    @Test
    void promptsGuideTheModelThroughTheTools() {
        assertEquals(List.of("sql_answer_question", "sql_check_data_quality", "sql_explain_slow_query",
                "sql_explore_database"), client.listPrompts().prompts().stream().map(McpSchema.Prompt::name)
                .filter(n -> n.startsWith("sql_")).sorted().toList());
        assertTrue(prompt("sql_explore_database", Map.of()).contains("sql_search_objects"));
        String answer = prompt("sql_answer_question", Map.of("question", "Who spent most?"));
        assertTrue(answer.contains("Who spent most?") && answer.contains("DEMO"), answer);
        String slow = prompt("sql_explain_slow_query", Map.of("sql", "SELECT * FROM dbo.orders"));
        assertTrue(slow.contains("sql_explain"));
        assertTrue(slow.contains("DEMO"), slow);
        assertTrue(prompt("sql_check_data_quality", Map.of("table", "dbo.customers")).contains("duplicates"));
    }

    @Test
    void completesSourceNamesForPromptsAndTemplates() {
        assertEquals(List.of("demo"), complete(new McpSchema.PromptReference("sql_explore_database"), "d"));
        assertEquals(List.of("demo"), complete(new McpSchema.PromptReference("sql_answer_question"), ""));
        assertEquals(List.of("demo"), complete(new McpSchema.ResourceReference("sql://{source}/schema"), "de"));
        assertEquals(List.of(), complete(new McpSchema.ResourceReference("sql://{source}/tables/{table}"), "x"));
    }

    @Test
    void healthReportsThePlugin() throws Exception {
        JsonNode health = sql.health();
        for (JsonNode plugin : health.get("plugins")) {
            if (plugin.get("file").asText().equals("sql.jar")) {
                assertEquals("UP", plugin.at("/health/state").asText(), plugin.toString());
                return;
            }
        }
        throw new AssertionError("sql.jar not in " + health);
    }

    private String read(String uri) {
        return ((McpSchema.TextResourceContents) client.readResource(new McpSchema.ReadResourceRequest(uri))
                .contents().get(0)).text();
    }

    private List<String> complete(McpSchema.CompleteReference reference, String typed) {
        return client.completeCompletion(new McpSchema.CompleteRequest(reference,
                new McpSchema.CompleteRequest.CompleteArgument("source", typed))).completion().values();
    }

    private String prompt(String name, Map<String, Object> arguments) {
        McpSchema.GetPromptResult result = client.getPrompt(new McpSchema.GetPromptRequest(name, arguments));
        return ((McpSchema.TextContent) result.messages().get(0).content()).text();
    }

    private static List<String> names(JsonNode array) {
        assertNotNull(array);
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.get("name").asText())
                .toList();
    }
}
