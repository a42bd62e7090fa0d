package io.mcpruntime.sql.catalog;

import io.mcpruntime.api.ToolException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the one table or view a client means by {@code orders}, {@code dbo.orders}, {@code [dbo].[orders]} or
 * {@code "public"."orders"}, matching names without regard to case. Only names found in the catalog ever reach
 * generated SQL.
 */
public final class TableResolver {
    private static final String[] TYPES = {"TABLE", "VIEW", "BASE TABLE"};

    private TableResolver() {
    }

    public static TableRef resolve(Connection connection, String written) throws SQLException {
        List<String> parts = split(written);
        if (parts.isEmpty() || parts.size() > 2) {
            throw new ToolException("'" + written + "' is not a table name; write table or schema.table");
        }
        String schema = parts.size() == 2 ? parts.get(0) : null;
        String name = parts.get(parts.size() - 1);
        DatabaseMetaData meta = connection.getMetaData();
        List<TableRef> found = new ArrayList<>();
        for (String variant : variants(name)) {
            try (ResultSet tables = meta.getTables(null, null, escape(variant, meta), TYPES)) {
                while (tables.next()) {
                    TableRef table = new TableRef(tables.getString("TABLE_CAT"), tables.getString("TABLE_SCHEM"),
                            tables.getString("TABLE_NAME"), tables.getString("TABLE_TYPE"));
                    boolean inSchema = schema == null || schema.equalsIgnoreCase(table.schema());
                    if (table.name().equalsIgnoreCase(name) && inSchema && !isSystem(table) && !found.contains(table)) {
                        found.add(table);
                    }
                }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        if (found.isEmpty()) {
            throw new ToolException("No table or view named '" + written + "'; find names with sql_search_objects");
        }
        if (found.size() > 1) {
            throw new ToolException("'" + written + "' is ambiguous: "
                    + found.stream().map(TableRef::display).toList() + "; qualify it with its schema");
        }
        return found.get(0);
    }

    private static boolean isSystem(TableRef table) {
        String schema = String.valueOf(table.schema()).toLowerCase(Locale.ROOT);
        return schema.equals("information_schema") || schema.equals("pg_catalog") || schema.equals("sys");
    }

    /** As written, then lower and upper case: catalogs store unquoted names in one case or the other. */
    private static Set<String> variants(String name) {
        return new LinkedHashSet<>(List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)));
    }

    /** A metadata pattern that matches the name only (_ and % are wildcards there). */
    static String escape(String name, DatabaseMetaData meta) throws SQLException {
        String escape = meta.getSearchStringEscape();
        return escape == null || escape.isEmpty() ? name
                : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** Splits on dots outside quotes and brackets, and unquotes each part. */
    static List<String> split(String written) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (char c : written.strip().toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    part.append(c);
                }
            } else if (c == '[') {
                quote = ']';
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.stream().map(String::strip).anyMatch(String::isEmpty) ? List.of()
                : parts.stream().map(String::strip).toList();
    }
}
