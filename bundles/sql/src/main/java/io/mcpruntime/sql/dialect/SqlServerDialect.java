package io.mcpruntime.sql.dialect;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** SQL Server and Azure SQL: the sys catalog views, TOP, and SHOWPLAN_XML for estimated plans. */
public final class SqlServerDialect implements Dialect {
    private static final Map<ObjectKind, String> SEARCH = new EnumMap<>(Map.of(
            ObjectKind.table, objects("'U'", "table"),
            ObjectKind.view, objects("'V'", "view"),
            ObjectKind.procedure, objects("'P', 'PC', 'FN', 'IF', 'TF'", "procedure"),
            ObjectKind.column, """
                    SELECT s.name AS schema_name, c.name AS object_name, 'column' AS object_type,
                           o.name AS parent_name, t.name AS data_type
                    FROM sys.columns c
                    JOIN sys.objects o ON o.object_id = c.object_id
                    JOIN sys.schemas s ON s.schema_id = o.schema_id
                    JOIN sys.types t ON t.user_type_id = c.user_type_id
                    WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND LOWER(c.name) LIKE LOWER(?)"""));

    private static String objects(String types, String label) {
        return """
                SELECT s.name AS schema_name, o.name AS object_name, '%s' AS object_type,
                       CAST(NULL AS sysname) AS parent_name, CAST(NULL AS sysname) AS data_type
                FROM sys.objects o
                JOIN sys.schemas s ON s.schema_id = o.schema_id
                WHERE o.type IN (%s) AND o.is_ms_shipped = 0 AND LOWER(o.name) LIKE LOWER(?)"""
                .formatted(label, types);
    }

    @Override
    public String product() {
        return "SQL Server";
    }

    @Override
    public boolean bracketQuoting() {
        return true;
    }

    @Override
    public String quote(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }

    @Override
    public String searchObjects(Set<ObjectKind> kinds) {
        return CatalogSearch.union(SEARCH, kinds);
    }

    @Override
    public String sample(String table, int rows) {
        return "SELECT TOP (" + rows + ") * FROM " + table;
    }

    /** SHOWPLAN_XML must be alone in its batch; while it is on, the query is compiled, never executed. */
    @Override
    public ExplainStatements explain(String query) {
        return new ExplainStatements("SET SHOWPLAN_XML ON", query, "SET SHOWPLAN_XML OFF", "xml");
    }
}
