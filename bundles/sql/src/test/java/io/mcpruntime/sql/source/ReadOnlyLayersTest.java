package io.mcpruntime.sql.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpruntime.sql.query.ReadOnlyStatement;
import io.mcpruntime.sql.query.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The layers under the classifier, each on its own: statements that slip past it still run in a transaction that
 * is always rolled back, the row cap holds, and the demo's login may not write or touch files at all.
 */
class ReadOnlyLayersTest {
    private final DemoDatabase demo = new DemoDatabase();
    private final Source reader = new Source(demo.settings(Map.of()), demo::create, demo::drop);

    @AfterEach
    void close() {
        reader.close();
    }

    /** A database whose login may do anything: what a too-powerful login would allow. */
    private static Source admin() {
        String url = "jdbc:h2:mem:layers-admin;DB_CLOSE_DELAY=-1";
        Map<String, String> values = Map.of("url", url, "user", "sa");
        return new Source(SourceSettings.read("admin", values::get, Map.of()), () -> {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser("sa");
            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE prices (id INT PRIMARY KEY, price INT)");
                statement.execute("INSERT INTO prices VALUES (1, 10), (2, 20)");
            }
        }, () -> { });
    }

    @Test
    void aWriteInsideAQueryIsRolledBack() throws SQLException {
        try (Source admin = admin()) {
            Rows changed = ReadOnlyStatement.query(admin, "SELECT * FROM FINAL TABLE (UPDATE prices SET price = 0)",
                    List.of(), 100, null);
            assertEquals(2, changed.rows().size(), "the update ran inside the transaction");
            Rows after = ReadOnlyStatement.query(admin, "SELECT SUM(price) FROM prices", List.of(), 1, null);
            assertEquals(30L, ((Number) after.rows().get(0).get(0)).longValue(), "and was rolled back");
        }
    }

    @Test
    void theDemoLoginMayOnlySelect() {
        SQLException write = assertThrows(SQLException.class, () -> ReadOnlyStatement.query(reader,
                "SELECT * FROM OLD TABLE (DELETE FROM dbo.order_items)", List.of(), 1, null));
        assertTrue(write.getMessage().contains("Not enough rights"), write.getMessage());
        SQLException file = assertThrows(SQLException.class, () -> ReadOnlyStatement.query(reader,
                "SELECT FILE_WRITE('x', '/tmp/mcp-sql-layer-test.txt')", List.of(), 1, null));
        assertTrue(file.getMessage().contains("Admin rights"), file.getMessage());
    }

    @Test
    void theRowCapHoldsOnTheDriver() throws SQLException {
        Rows rows = ReadOnlyStatement.query(reader, "SELECT * FROM dbo.order_items", List.of(), 7, null);
        assertEquals(7, rows.rows().size());
        assertEquals("row cap 7", rows.truncatedBy());
    }

    @Test
    void theByteCapCutsLongResults() throws SQLException {
        Map<String, String> environment = Map.of("MCP_SQL_MAX_BYTES", "300");
        DemoDatabase small = new DemoDatabase();
        try (Source capped = new Source(small.settings(environment), small::create, small::drop)) {
            Rows rows = ReadOnlyStatement.query(capped, "SELECT * FROM dbo.customers", List.of(), 100, null);
            assertTrue(rows.rows().size() < 12 && !rows.rows().isEmpty(), rows.rows().size() + " rows");
            assertEquals("byte cap 300", rows.truncatedBy());
        }
    }
}
