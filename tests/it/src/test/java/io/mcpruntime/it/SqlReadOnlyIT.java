package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every read-only bypass attempt of the corpus, sent through the real runtime to the demo database with both tools
 * that take SQL: each is refused with a reason, no row of any table changed, and no file was written.
 */
class SqlReadOnlyIT {
    private static final List<String> TABLES = List.of("dbo.customers", "dbo.products", "dbo.orders",
            "dbo.order_items");
    private static final List<Path> FILES = List.of(Path.of("/tmp/mcp-sql-bypass.txt"),
            Path.of("/tmp/mcp-sql-bypass.csv"), Path.of("/tmp/mcp-sql-bypass.bin"),
            Path.of("/tmp/mcp-sql-bypass-dump.sql"));

    @Test
    void refusesEveryBypassAttemptAndNoRowChanges() throws Exception {
        List<String> corpus = corpus();
        assertTrue(corpus.size() >= 30, "the corpus has " + corpus.size() + " attempts");
        for (Path file : FILES) {
            Files.deleteIfExists(file);
        }
        try (SqlRuntime sql = SqlRuntime.start(Files.createTempDirectory("sql-readonly"))) {
            Map<String, Object> before = snapshot(sql);
            List<String> allowed = new ArrayList<>();
            for (String attempt : corpus) {
                for (String tool : List.of("sql_query", "sql_explain")) {
                    McpSchema.CallToolResult result = sql.call(tool, Map.of("sql", attempt));
                    String text = Clients.text(result);
                    if (!Boolean.TRUE.equals(result.isError()) || !text.startsWith("Refused: ")) {
                        allowed.add(tool + ": " + attempt + " -> " + text);
                    }
                }
            }
            assertEquals(List.of(), allowed, "attempts that were not refused");
            assertEquals(before, snapshot(sql), "a row changed");
        }
        for (Path file : FILES) {
            assertFalse(Files.exists(file), file + " was written");
        }
    }

    /** Every row of every table, in key order. */
    private static Map<String, Object> snapshot(SqlRuntime sql) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, sql.answer("sql_query", Map.of("sql", "SELECT * FROM " + table + " ORDER BY 1, 2"))
                    .get("rows"));
        }
        return rows;
    }

    /** The bypass corpus of the plugin's unit tests: entries separated by lines of four equals signs. */
    private static List<String> corpus() throws Exception {
        String text = Files.readString(Path.of(System.getProperty("sql.bypass.corpus")), StandardCharsets.UTF_8);
        return Arrays.stream(text.split("\n====\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
