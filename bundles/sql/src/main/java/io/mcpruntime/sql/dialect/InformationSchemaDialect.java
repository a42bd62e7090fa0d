package io.mcpruntime.sql.dialect;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The databases whose catalog is the standard INFORMATION_SCHEMA (PostgreSQL, H2). */
abstract class InformationSchemaDialect implements Dialect {
    private final Map<ObjectKind, String> search;

    /** @param systemSchemas a SQL list of the schemas that are the database's own, e.g. {@code 'pg_catalog'} */
    InformationSchemaDialect(String systemSchemas) {
        String notSystem = " NOT IN (" + systemSchemas + ")";
        search = new EnumMap<>(Map.of(
                ObjectKind.table, tables("BASE TABLE", "table", notSystem),
                ObjectKind.view, tables("VIEW", "view", notSystem),
                ObjectKind.procedure, """
                        SELECT ROUTINE_SCHEMA AS schema_name, ROUTINE_NAME AS object_name, 'procedure' AS object_type,
                               CAST(NULL AS VARCHAR(128)) AS parent_name, CAST(NULL AS VARCHAR(128)) AS data_type
                        FROM INFORMATION_SCHEMA.ROUTINES
                        WHERE ROUTINE_SCHEMA%s AND LOWER(ROUTINE_NAME) LIKE LOWER(?)""".formatted(notSystem),
                ObjectKind.column, """
                        SELECT TABLE_SCHEMA AS schema_name, COLUMN_NAME AS object_name, 'column' AS object_type,
                               TABLE_NAME AS parent_name, DATA_TYPE AS data_type
                        FROM INFORMATION_SCHEMA.COLUMNS
                        WHERE TABLE_SCHEMA%s AND LOWER(COLUMN_NAME) LIKE LOWER(?)""".formatted(notSystem)));
    }

    private static String tables(String type, String label, String notSystem) {
        return """
                SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS object_name, '%s' AS object_type,
                       CAST(NULL AS VARCHAR(128)) AS parent_name, CAST(NULL AS VARCHAR(128)) AS data_type
                FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_TYPE = '%s' AND TABLE_SCHEMA%s AND LOWER(TABLE_NAME) LIKE LOWER(?)"""
                .formatted(label, type, notSystem);
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String searchObjects(Set<ObjectKind> kinds) {
        return CatalogSearch.union(search, kinds);
    }

    @Override
    public String sample(String table, int rows) {
        return "SELECT * FROM " + table + " FETCH FIRST " + rows + " ROWS ONLY";
    }

    @Override
    public ExplainStatements explain(String query) {
        return new ExplainStatements(null, "EXPLAIN " + query, null, "text");
    }
}
