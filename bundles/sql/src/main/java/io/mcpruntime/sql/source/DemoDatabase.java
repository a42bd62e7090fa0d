package io.mcpruntime.sql.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The database served when no source is configured: an in-memory H2 in SQL Server mode holding a small shop
 * (customers, products, orders, order items, a view), created on first use. Its owner loads the data; the source
 * connects as a second user that may only SELECT, so H2's file and code functions (which need admin rights) are
 * denied by the database itself as well as by the classifier: the least-privilege login the README recommends.
 */
final class DemoDatabase {
    static final String NAME = "demo";
    private static final String MODE = ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    private static final String READER = "demo_reader";
    private static final String OWNER = "demo_owner";

    private final String url = "jdbc:h2:mem:mcp-sql-demo-" + secret() + MODE;
    private final String ownerPassword = secret();
    private final String readerPassword = secret();
    private boolean created;

    /**
     * The source's settings: the reader's login, always read-only; caps, timeouts and resilience as the
     * environment's {@code MCP_SQL_*} variables say, as they would for a configured source.
     */
    SourceSettings settings(Map<String, String> environment) {
        Map<String, String> login = Map.of("url", url + ";SCHEMA=dbo", "user", READER,
                "password", readerPassword);
        return SourceSettings.read(NAME, key -> login.getOrDefault(key,
                environment.get(SourceSettings.environmentName(key))), environment).asDemo();
    }

    /** Creates the database on the first connection's behalf; later calls do nothing. */
    synchronized void create() throws SQLException {
        if (created) {
            return;
        }
        try (Connection owner = owner(url + ";DB_CLOSE_DELAY=-1").getConnection();
                Statement statement = owner.createStatement()) {
            for (String sql : script().split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("CREATE USER " + READER + " PASSWORD '" + readerPassword + "'");
            statement.execute("GRANT SELECT ON SCHEMA dbo TO " + READER);
        }
        created = true;
    }

    /** Drops the database: it lives as long as its source. */
    synchronized void drop() {
        if (!created) {
            return;
        }
        try (Connection owner = owner(url).getConnection(); Statement statement = owner.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already gone
        }
        created = false;
    }

    private JdbcDataSource owner(String ownerUrl) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(ownerUrl);
        source.setUser(OWNER);
        source.setPassword(ownerPassword);
        return source;
    }

    private static String script() {
        try (InputStream in = DemoDatabase.class.getResourceAsStream("demo.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo script is missing from the plugin", e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
