package io.mcpruntime.sql.source;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.mcpruntime.sql.dialect.DatabaseKind;
import io.mcpruntime.sql.source.SourceSettings.AuthMode;
import java.io.IOException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The vendor's own DataSource for a source, built directly: inside OSGi, DriverManager and the context class
 * loader do not see the drivers embedded in this bundle.
 */
final class DataSources {
    /** Beyond the query timeout, how long a socket may stay silent before the driver gives up on it. */
    private static final int SOCKET_SLACK_SECONDS = 60;

    private DataSources() {
    }

    static DataSource create(SourceSettings settings) throws IOException {
        if (settings.authentication() == AuthMode.TOKEN && settings.kind() != DatabaseKind.SQL_SERVER) {
            throw new IllegalArgumentException("token authentication is for SQL Server sources only");
        }
        int loginSeconds = (int) Math.max(1, settings.loginTimeout().toSeconds());
        int socketSeconds = (int) settings.queryTimeout().toSeconds() + SOCKET_SLACK_SECONDS;
        String password = settings.password().read();
        return switch (settings.kind()) {
            case SQL_SERVER -> {
                SQLServerDataSource source = new SQLServerDataSource();
                source.setURL(settings.url());
                source.setLoginTimeout(loginSeconds);
                source.setSocketTimeout(socketSeconds * 1000);
                if (settings.authentication() == AuthMode.TOKEN) {
                    source.setAccessTokenCallback(new AccessTokenCallback(settings.accessToken()));
                } else {
                    setCredentials(settings.user(), password, source::setUser, source::setPassword);
                }
                yield source;
            }
            case POSTGRESQL -> {
                PGSimpleDataSource source = new PGSimpleDataSource();
                source.setURL(settings.url());
                source.setLoginTimeout(loginSeconds);
                source.setConnectTimeout(loginSeconds);
                source.setSocketTimeout(socketSeconds);
                setCredentials(settings.user(), password, source::setUser, source::setPassword);
                yield source;
            }
            case H2 -> {
                JdbcDataSource source = new JdbcDataSource();
                source.setURL(settings.url());
                setCredentials(settings.user(), password, source::setUser, source::setPassword);
                yield source;
            }
        };
    }

    private static void setCredentials(String user, String password, Consumer<String> setUser,
            Consumer<String> setPassword) {
        if (user != null) {
            setUser.accept(user);
        }
        if (password != null) {
            setPassword.accept(password);
        }
    }
}
