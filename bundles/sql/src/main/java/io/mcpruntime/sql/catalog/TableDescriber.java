package io.mcpruntime.sql.catalog;

import io.mcpruntime.sql.catalog.TableDetails.ColumnInfo;
import io.mcpruntime.sql.catalog.TableDetails.ForeignKey;
import io.mcpruntime.sql.catalog.TableDetails.Index;
import io.mcpruntime.sql.source.Source;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table's structure from the driver's DatabaseMetaData, which each vendor keeps in step with its own catalog
 * (sys views on SQL Server, pg_catalog on PostgreSQL), so one reading serves every dialect.
 */
public final class TableDescriber {
    private TableDescriber() {
    }

    /** The table or view a client names (see {@link TableResolver}), read on one pooled connection. */
    public static TableDetails describe(Source source, String table) throws SQLException {
        return source.read(connection -> describe(connection.getMetaData(), TableResolver.resolve(connection, table)));
    }

    private static TableDetails describe(DatabaseMetaData meta, TableRef table) throws SQLException {
        return new TableDetails(table.schema(), table.name(), table.type(), columns(meta, table),
                primaryKey(meta, table), foreignKeys(meta, table),
                "VIEW".equals(table.type()) ? List.of() : indexes(meta, table));
    }

    public static List<ColumnInfo> columns(DatabaseMetaData meta, TableRef table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(table.catalog(), table.schema(), TableResolver.escape(table.name(), meta),
                "%")) {
            while (rs.next()) {
                int size = rs.getInt("COLUMN_SIZE");
                columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                        rs.wasNull() ? null : size, rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rs.getString("COLUMN_DEF"), "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, TableRef table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(table.catalog(), table.schema(), table.name())) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData meta, TableRef table) throws SQLException {
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(table.catalog(), table.schema(), table.name())) {
            while (rs.next()) {
                String schema = rs.getString("PKTABLE_SCHEM");
                String references = (schema == null ? "" : schema + ".") + rs.getString("PKTABLE_NAME");
                String name = rs.getString("FK_NAME");
                ForeignKey key = keys.computeIfAbsent(name + " -> " + references,
                        k -> new ForeignKey(name, new ArrayList<>(), references, new ArrayList<>()));
                key.columns().add(rs.getString("FKCOLUMN_NAME"));
                key.referencedColumns().add(rs.getString("PKCOLUMN_NAME"));
            }
        }
        return List.copyOf(keys.values());
    }

    private static List<Index> indexes(DatabaseMetaData meta, TableRef table) throws SQLException {
        Map<String, Index> indexes = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(table.catalog(), table.schema(), table.name(), false, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null) {
                    continue; // table statistics rows
                }
                boolean unique = !rs.getBoolean("NON_UNIQUE");
                indexes.computeIfAbsent(name, n -> new Index(n, unique, new ArrayList<>())).columns().add(column);
            }
        }
        return List.copyOf(indexes.values());
    }
}
