package io.mcpruntime.sql.source;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one pooled connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
