package io.mcpruntime.sql.dialect;

import java.util.Locale;

/** The databases the plugin has a driver and a dialect for, told apart by their JDBC URL. */
public enum DatabaseKind {
    SQL_SERVER("jdbc:sqlserver:", new SqlServerDialect()),
    POSTGRESQL("jdbc:postgresql:", new PostgresDialect()),
    H2("jdbc:h2:", new H2Dialect());

    private final String urlPrefix;
    private final Dialect dialect;

    DatabaseKind(String urlPrefix, Dialect dialect) {
        this.urlPrefix = urlPrefix;
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    public static DatabaseKind of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        for (DatabaseKind kind : values()) {
            if (url.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unsupported JDBC URL (use jdbc:sqlserver:, jdbc:postgresql: or jdbc:h2:)");
    }
}
