package io.mcpruntime.sql.catalog;

import io.mcpruntime.sql.dialect.Dialect;

/**
 * A table or view as the catalog names it.
 *
 * @param catalog the database, or {@code null}
 * @param type TABLE, VIEW…, as the driver reports it
 */
public record TableRef(String catalog, String schema, String name, String type) {

    /** The quoted, schema-qualified name to put in generated SQL. */
    public String quoted(Dialect dialect) {
        return schema == null ? dialect.quote(name) : dialect.quote(schema) + "." + dialect.quote(name);
    }

    public String display() {
        return schema == null ? name : schema + "." + name;
    }
}
