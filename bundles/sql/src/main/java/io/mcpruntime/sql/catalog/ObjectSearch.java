package io.mcpruntime.sql.catalog;

import io.mcpruntime.api.ToolContext;
import io.mcpruntime.sql.dialect.ObjectKind;
import io.mcpruntime.sql.query.ReadOnlyStatement;
import io.mcpruntime.sql.query.Rows;
import io.mcpruntime.sql.source.Source;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Searches a source's catalog by name, a page at a time, at the detail the client asks for: never the whole
 * catalogue at once.
 */
public final class ObjectSearch {
    private ObjectSearch() {
    }

    /** How much to say about each object. */
    public enum Detail {
        /** schema, name and kind */
        names,
        /** also a column's table and type */
        summary,
        /** also each table's and view's columns with their types */
        full
    }

    /**
     * @param parent the table a column belongs to
     * @param columns "name type" of a table's or view's columns, at full detail
     */
    public record DbObject(String schema, String name, String kind, String parent, String dataType,
            List<String> columns) {
    }

    /** @param nextOffset where the next page starts, or {@code null} on the last page */
    public record Page(List<DbObject> objects, Integer nextOffset) {
    }

    public static Page search(Source source, String pattern, Set<ObjectKind> kinds, Detail detail, int offset,
            int limit, ToolContext context) throws SQLException {
        Set<ObjectKind> chosen = kinds.isEmpty() ? EnumSet.allOf(ObjectKind.class) : EnumSet.copyOf(kinds);
        List<Object> parameters = new ArrayList<>(Collections.nCopies(chosen.size(), likePattern(pattern)));
        parameters.add(offset);
        parameters.add(limit + 1);
        // one pool checkout for the page and, at full detail, its tables' columns
        return source.read(connection -> {
            Rows rows = ReadOnlyStatement.query(connection, source, source.dialect().searchObjects(chosen),
                    parameters, limit + 1, context);
            List<DbObject> objects = new ArrayList<>();
            for (List<Object> row : rows.rows().subList(0, Math.min(limit, rows.rows().size()))) {
                String schema = (String) row.get(0);
                String name = (String) row.get(1);
                String kind = (String) row.get(2);
                objects.add(detail == Detail.names ? new DbObject(schema, name, kind, null, null, null)
                        : new DbObject(schema, name, kind, (String) row.get(3), (String) row.get(4), null));
            }
            if (detail == Detail.full) {
                objects = withColumns(connection.getMetaData(), objects);
            }
            return new Page(objects, rows.rows().size() > limit ? offset + limit : null);
        });
    }

    private static List<DbObject> withColumns(DatabaseMetaData meta, List<DbObject> objects) throws SQLException {
        List<DbObject> detailed = new ArrayList<>();
        for (DbObject object : objects) {
            boolean hasColumns = object.kind().equals(ObjectKind.table.name())
                    || object.kind().equals(ObjectKind.view.name());
            detailed.add(!hasColumns ? object : new DbObject(object.schema(), object.name(), object.kind(), null,
                    null, TableDescriber.columns(meta, new TableRef(null, object.schema(), object.name(), null))
                            .stream().map(c -> c.name() + " " + c.type()).toList()));
        }
        return detailed;
    }

    /** {@code orders} finds names containing it; {@code *} and {@code ?} are wildcards, as are LIKE's % and _. */
    static String likePattern(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return "%";
        }
        String like = pattern.strip().replace('*', '%').replace('?', '_');
        return like.equals(pattern.strip()) && !like.contains("%") ? "%" + like + "%" : like;
    }
}
