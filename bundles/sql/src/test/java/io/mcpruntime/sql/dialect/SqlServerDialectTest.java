package io.mcpruntime.sql.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server dialect's text: its catalog queries use the sys views (which H2 lacks, so they are checked as
 * text); what H2's SQL Server mode accepts (TOP, brackets, OFFSET … FETCH) is also run there.
 */
class SqlServerDialectTest {
    private final SqlServerDialect dialect = new SqlServerDialect();

    @Test
    void searchesTheSysCatalogViewsOnePatternPerKindThenPages() {
        String sql = dialect.searchObjects(EnumSet.of(ObjectKind.table, ObjectKind.column));
        assertTrue(sql.contains("FROM sys.objects o"));
        assertTrue(sql.contains("o.type IN ('U')"));
        assertTrue(sql.contains("FROM sys.columns c"));
        assertTrue(sql.contains("o.is_ms_shipped = 0"));
        assertTrue(!sql.contains("'view' AS object_type"), "views were not asked for");
        assertEquals(4, sql.chars().filter(c -> c == '?').count(), "two patterns, offset, count");
        assertTrue(sql.endsWith("OFFSET ? ROWS FETCH NEXT ? ROWS ONLY"));
    }

    @Test
    void quotesWithBracketsAndExplainsWithShowplan() {
        assertEquals("[odd]]name]", dialect.quote("odd]name"));
        ExplainStatements explain = dialect.explain("SELECT 1");
        assertEquals("SET SHOWPLAN_XML ON", explain.before());
        assertEquals("SELECT 1", explain.plan());
        assertEquals("SET SHOWPLAN_XML OFF", explain.after());
        assertEquals(List.of("SET SHOWPLAN_XML ON", "SELECT 1", "SET SHOWPLAN_XML OFF"), explain.batches());
        assertEquals(List.of("EXPLAIN SELECT 1"), new H2Dialect().explain("SELECT 1").batches());
        assertTrue(dialect.bracketQuoting());
    }

    @Test
    void itsSampleAndPagingRunInH2sSqlServerMode() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dialect-test;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA dbo");
            statement.execute("CREATE TABLE dbo.t (id INT IDENTITY PRIMARY KEY, name NVARCHAR(20))");
            statement.execute("INSERT INTO dbo.t (name) VALUES ('a'), ('b'), ('c'), ('d')");
            String table = dialect.quote("dbo") + "." + dialect.quote("t");
            try (ResultSet rows = statement.executeQuery(dialect.sample(table, 2))) {
                assertTrue(rows.next() && rows.next() && !rows.next());
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT name FROM dbo.t ORDER BY id OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY")) {
                assertTrue(rows.next());
                assertEquals("b", rows.getString(1));
            }
        }
    }
}
