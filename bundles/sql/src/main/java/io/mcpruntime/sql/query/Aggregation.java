package io.mcpruntime.sql.query;

import io.mcpruntime.api.ToolException;
import io.mcpruntime.sql.catalog.TableDescriber;
import io.mcpruntime.sql.catalog.TableRef;
import io.mcpruntime.sql.catalog.TableResolver;
import io.mcpruntime.sql.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds an aggregate query (count, sum, average, minimum, maximum, grouped by columns, filtered by equality) from
 * names checked against the catalog, so the model gets numbers without writing SQL. Values are always parameters.
 */
public final class Aggregation {

    /** An aggregate function. */
    public enum Function { count, sum, avg, min, max }

    /** @param column the column to aggregate; none for count, which then counts rows */
    public record Measure(Function function, String column) {
    }

    /** The generated statement and its parameters. */
    public record Statement(String sql, List<Object> parameters) {
    }

    private Aggregation() {
    }

    /** Resolves the table and its columns on the connection and writes the statement. */
    public static Statement build(Connection connection, Dialect dialect, String table, List<Measure> measures,
            List<String> groupBy, Map<String, Object> filters) throws SQLException {
        TableRef ref = TableResolver.resolve(connection, table);
        List<String> columns = TableDescriber.columns(connection.getMetaData(), ref).stream()
                .map(c -> c.name()).toList();
        List<String> select = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String group : groupBy) {
            String column = dialect.quote(column(columns, group, ref));
            select.add(column);
            groups.add(column);
        }
        for (Measure measure : measures.isEmpty() ? List.of(new Measure(Function.count, null)) : measures) {
            select.add(expression(dialect, measure, columns, ref));
        }
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<String, Object> filter : filters.entrySet()) {
            String column = dialect.quote(column(columns, filter.getKey(), ref));
            if (filter.getValue() == null) {
                conditions.add(column + " IS NULL");
            } else {
                conditions.add(column + " = ?");
                parameters.add(filter.getValue());
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
                .append(" FROM ").append(ref.quoted(dialect));
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        if (!groups.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groups))
                    .append(" ORDER BY ").append(groups.size() + 1).append(" DESC");
        }
        return new Statement(sql.toString(), parameters);
    }

    private static String expression(Dialect dialect, Measure measure, List<String> columns, TableRef table) {
        if (measure.column() == null || measure.column().isBlank()) {
            if (measure.function() != Function.count) {
                throw new ToolException(measure.function() + " needs a column");
            }
            return "COUNT(*) AS " + dialect.quote("count");
        }
        String name = column(columns, measure.column(), table);
        String column = dialect.quote(name);
        String alias = dialect.quote(measure.function() + "_" + name);
        // 1.0 * keeps averages of integer columns from being rounded to integers (SQL Server, H2)
        String argument = measure.function() == Function.avg ? "1.0 * " + column : column;
        return measure.function().name().toUpperCase(java.util.Locale.ROOT) + "(" + argument + ") AS " + alias;
    }

    private static String column(List<String> columns, String written, TableRef table) {
        return columns.stream().filter(c -> c.equalsIgnoreCase(written.strip())).findFirst()
                .orElseThrow(() -> new ToolException("The table " + table.display() + " has no column '" + written
                        + "'; its columns are " + columns));
    }
}
