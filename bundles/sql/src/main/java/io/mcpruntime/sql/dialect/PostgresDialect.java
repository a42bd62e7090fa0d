package io.mcpruntime.sql.dialect;

/** PostgreSQL: INFORMATION_SCHEMA, FETCH FIRST, EXPLAIN (never ANALYZE, which would run the query). */
public final class PostgresDialect extends InformationSchemaDialect {

    public PostgresDialect() {
        super("'pg_catalog', 'information_schema', 'pg_toast'");
    }

    @Override
    public String product() {
        return "PostgreSQL";
    }

    @Override
    public boolean bracketQuoting() {
        return false;
    }
}
