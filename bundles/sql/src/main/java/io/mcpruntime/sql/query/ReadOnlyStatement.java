package io.mcpruntime.sql.query;

import io.mcpruntime.api.ToolContext;
import io.mcpruntime.sql.source.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs one statement the read-only way: on a connection marked read-only (PostgreSQL enforces it), inside a
 * transaction that is always rolled back whatever the statement did, with the source's query timeout, the row
 * cap on the driver as well, and the client's cancellation cancelling the statement on the server.
 */
public final class ReadOnlyStatement {
    private ReadOnlyStatement() {
    }

    /**
     * @param maxRows the row cap for this call (never above the source's)
     * @param context the calling tool's context, or {@code null} (resources)
     */
    public static Rows query(Source source, String sql, List<?> parameters, int maxRows, ToolContext context)
            throws SQLException {
        return source.read(connection -> query(connection, source, sql, parameters, maxRows, context));
    }

    /**
     * The same on a connection of the source the caller already holds, so that catalog reads before or after the
     * statement share its pool checkout.
     */
    public static Rows query(Connection connection, Source source, String sql, List<?> parameters, int maxRows,
            ToolContext context) throws SQLException {
        int cap = Math.min(maxRows, source.settings().maxRows());
        return inRolledBackTransaction(connection, () -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                prepare(source, statement, cap, context);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet resultSet = statement.executeQuery()) {
                    return RowReader.read(resultSet, cap, source.settings().maxBytes());
                }
            }
        });
    }

    /**
     * Runs statements one after another, each as its own batch (not prepared: SQL Server's SHOWPLAN switch must be
     * alone in a batch), in one rolled-back transaction, and returns the rows of the last one that had any.
     */
    public static Rows batches(Source source, List<String> statements, ToolContext context) throws SQLException {
        return source.read(connection -> inRolledBackTransaction(connection, () -> {
            Rows last = null;
            for (String sql : statements) {
                try (Statement statement = connection.createStatement()) {
                    prepare(source, statement, source.settings().maxRows(), context);
                    if (statement.execute(sql)) {
                        try (ResultSet resultSet = statement.getResultSet()) {
                            last = RowReader.read(resultSet, source.settings().maxRows(),
                                    source.settings().maxBytes());
                        }
                    }
                }
            }
            return last;
        }));
    }

    private static void prepare(Source source, Statement statement, int cap, ToolContext context)
            throws SQLException {
        statement.setQueryTimeout((int) Math.max(1, source.settings().queryTimeout().toSeconds()));
        statement.setMaxRows(cap + 1);
        if (context != null) {
            context.onCancel(() -> cancel(statement));
        }
    }

    private static <T> T inRolledBackTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.run();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback); // the connection broke; the pool discards it
            }
            throw e;
        }
        connection.rollback();
        return result;
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // the statement already finished or its connection is gone
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }
}
