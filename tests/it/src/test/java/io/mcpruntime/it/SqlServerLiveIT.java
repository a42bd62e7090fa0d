package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SQL plugin against a real SQL Server or Azure SQL database, when one is named by MSSQL_TEST_URL (with
 * MSSQL_TEST_USER and MSSQL_TEST_PASSWORD unless the URL carries the login). Read-only: it changes nothing on the
 * server. Skipped elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlServerLiveIT {
    private static final String URL = System.getenv("MSSQL_TEST_URL");

    private SqlRuntime sql;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(URL != null, "MSSQL_TEST_URL is not set");
        Path plugins = Files.createTempDirectory("sql-mssql");
        StringBuilder settings = new StringBuilder("url = ").append(URL).append('\n');
        String user = System.getenv("MSSQL_TEST_USER");
        if (user != null) {
            settings.append("user = ").append(user).append("\npasswordEnv = MSSQL_TEST_PASSWORD\n");
        }
        SqlRuntime.writeSource(plugins, "mssql", settings.toString());
        sql = SqlRuntime.start(plugins);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (sql != null) {
            sql.close();
        }
    }

    @Test
    void queriesTheServerWithTopAndParameters() {
        JsonNode version = sql.answer("sql_query", Map.of("sql", "SELECT TOP 1 @@VERSION AS version, DB_NAME() AS db "
                + "WHERE 1 = ?", "params", List.of(1)));
        assertTrue(version.at("/rows/0/0").asText().contains("Microsoft SQL"), version.toString());
        assertEquals("SQL Server", sql.answer("sql_list_sources", Map.of()).at("/sources/0/database").asText());
        assertEquals("UP", sql.answer("sql_list_sources", Map.of()).at("/sources/0/health").asText());
    }

    @Test
    void searchesAndDescribesWithTheSysCatalog() {
        JsonNode tables = sql.answer("sql_search_objects", Map.of("kinds", List.of("table"), "limit", 5));
        for (JsonNode table : tables.get("objects")) {
            String name = table.get("schema").asText() + "." + table.get("name").asText();
            JsonNode described = sql.answer("sql_describe_table", Map.of("table", name));
            assertFalse(described.at("/table/columns").isEmpty(), name);
            assertTrue(sql.answer("sql_sample", Map.of("table", name, "rows", 1)).get("sql").asText()
                    .startsWith("SELECT TOP"));
        }
        sql.answer("sql_search_objects", Map.of("kinds", List.of("column", "view", "procedure"), "detail", "summary"));
    }

    @Test
    void explainsWithShowplanXmlWithoutRunningTheQuery() {
        JsonNode plan = sql.answer("sql_explain", Map.of("sql", "SELECT COUNT(*) FROM sys.objects"));
        assertEquals("xml", plan.get("format").asText());
        assertTrue(plan.get("plan").asText().contains("ShowPlanXML"), plan.toString());
    }

    @Test
    void refusesDynamicSqlAndRemoteRowsets() {
        for (String attempt : List.of("EXEC('SELECT 1')", "EXEC sp_executesql N'SELECT 1'",
                "SELECT * FROM OPENROWSET('SQLNCLI', 'Server=x;', 'SELECT 1')", "SELECT 1 WAITFOR DELAY '00:00:01'",
                "SELECT * INTO #copy FROM sys.objects")) {
            McpSchema.CallToolResult result = sql.call("sql_query", Map.of("sql", attempt));
            assertTrue(Clients.text(result).startsWith("Refused: "), attempt + " -> " + Clients.text(result));
        }
    }
}
