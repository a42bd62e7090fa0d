package io.mcpruntime.sql.catalog;

import java.util.List;

/** A table's structure: columns, primary key, foreign keys, indexes. */
public record TableDetails(String schema, String name, String type, List<ColumnInfo> columns, List<String> primaryKey,
        List<ForeignKey> foreignKeys, List<Index> indexes) {

    /**
     * @param size the length or precision, when the type has one
     * @param defaultValue the column default as SQL text, or {@code null}
     */
    public record ColumnInfo(String name, String type, Integer size, boolean nullable, String defaultValue,
            boolean autoIncrement) {
    }

    /** @param references the referenced table, schema-qualified */
    public record ForeignKey(String name, List<String> columns, String references, List<String> referencedColumns) {
    }

    public record Index(String name, boolean unique, List<String> columns) {
    }
}
