package io.mcpruntime.sql.dialect;

import java.util.Set;

/**
 * The SQL text that differs between the databases the plugin talks to. Statements are returned as text with
 * {@code ?} parameters; identifiers are only ever built from names read back from the catalog, quoted here.
 */
public interface Dialect {

    /** The database's name for people ("SQL Server", "PostgreSQL", "H2"). */
    String product();

    /** Whether {@code [name]} quotes an identifier (it matters to the read-only classifier). */
    boolean bracketQuoting();

    String quote(String identifier);

    /**
     * A page of catalog objects whose name matches a LIKE pattern (case-insensitive). Parameters: the pattern once
     * per requested kind, then offset and row count. Columns: schema_name, object_name, object_type (an
     * {@link ObjectKind} name), parent_name (the table of a column), data_type (of a column).
     */
    String searchObjects(Set<ObjectKind> kinds);

    /** The first {@code rows} rows of a table; {@code table} is already quoted. */
    String sample(String table, int rows);

    ExplainStatements explain(String query);
}
