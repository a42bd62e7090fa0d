package io.mcpruntime.sql.source;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.FailsafeException;
import io.mcpruntime.sql.dialect.Dialect;
import io.mcpruntime.sql.resilience.BreakerState;
import io.mcpruntime.sql.resilience.Resilience;
import io.mcpruntime.sql.resilience.TransientFailures;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * One named database: its settings, a connection pool created on first use (never when the plugin starts), the
 * retry and circuit breakers around every use, and what is known of its health. Thread-safe.
 */
public final class Source implements AutoCloseable {
    /** Room beyond the login timeout for the driver to fail with its own reason before the pool gives up. */
    private static final Duration POOL_WAIT_SLACK = Duration.ofSeconds(2);
    private static final int PROBE_TIMEOUT_SECONDS = 5;

    private final SourceSettings settings;
    private final Dialect dialect;
    private final Resilience resilience;
    private final Preparation prepare;
    private final Runnable onClose;
    private HikariDataSource pool;
    private boolean closed;
    private volatile Health health = Health.unknown();
    private volatile String lastError = "none";

    /**
     * @param prepare runs before the first connection (the demo creates its database then)
     * @param onClose runs once the pool is closed
     */
    Source(SourceSettings settings, Preparation prepare, Runnable onClose) {
        this.settings = settings;
        this.dialect = settings.kind().dialect();
        this.prepare = prepare;
        this.onClose = onClose;
        this.resilience = new Resilience(settings.name(), settings.retryAttempts(), settings.retryDelay(),
                settings.breakerFailures(), settings.breakerErrorRate(), settings.breakerCooldown());
    }

    public String name() {
        return settings.name();
    }

    public SourceSettings settings() {
        return settings;
    }

    public Dialect dialect() {
        return dialect;
    }

    public boolean isDemo() {
        return settings.demo();
    }

    public Health health() {
        return health;
    }

    public BreakerState breaker() {
        return resilience.breaker();
    }

    /** Reads with a pooled connection; transient failures are retried, the whole work each time. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        return tracked(() -> resilience.retried(() -> {
            try (Connection connection = connect()) {
                return work.apply(connection);
            }
        }));
    }

    /** Writes: getting a connection is retried, the statement runs once (it might have been applied). */
    public <T> T write(SqlWork<T> work) throws SQLException {
        return tracked(() -> {
            try (Connection connection = resilience.retried(this::connect)) {
                return resilience.once(() -> {
                    try {
                        return work.apply(connection);
                    } catch (SQLException e) {
                        throw TransientFailures.isTransient(e) ? new WriteCutOff(e) : e;
                    }
                });
            }
        });
    }

    /** Checks that the database answers, through the breakers (a success after the cooldown closes them). */
    Health probe() {
        try {
            tracked(() -> resilience.once(() -> {
                // the pool checks a connection with the driver's isValid before handing it out (unless it was
                // used in the last half second), and replaces a dead one or fails
                connect().close();
                return null;
            }));
        } catch (SQLException | RuntimeException e) {
            // recorded in health by tracked()
        }
        return health;
    }

    private <T> T tracked(Attempt<T> attempt) throws SQLException {
        try {
            T result = attempt.run();
            health = Health.up();
            return result;
        } catch (CircuitBreakerOpenException e) {
            health = Health.down("circuit breaker open after repeated connection failures; last error: "
                    + lastError);
            throw e;
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            recordFailure(cause);
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        } catch (SQLException | RuntimeException e) {
            recordFailure(e);
            throw e;
        }
    }

    /** A pooled connection; failing to get one marks the source down, whatever the reason. */
    private Connection connect() throws SQLException {
        try {
            return pool().getConnection();
        } catch (SQLException e) {
            lastError = SqlFailures.rootMessage(e);
            health = Health.down(lastError);
            throw e;
        }
    }

    private void recordFailure(Throwable failure) {
        if (TransientFailures.isTransient(failure)) {
            lastError = SqlFailures.rootMessage(failure);
            health = Health.down(lastError);
        }
    }

    private synchronized HikariDataSource pool() throws SQLException {
        if (closed) {
            throw new SQLTransientConnectionException("source '" + name() + "' was removed or reconfigured");
        }
        if (pool == null) {
            prepare.run();
            HikariConfig config = new HikariConfig();
            config.setPoolName("sql-" + name());
            try {
                config.setDataSource(new PinnedLoginTimeout(DataSources.create(settings)));
            } catch (IOException e) {
                throw new SQLException("cannot read the credentials of source '" + name() + "': " + e.getMessage(), e);
            }
            config.setMaximumPoolSize(settings.poolSize());
            config.setMinimumIdle(0);
            config.setMaxLifetime(settings.maxLifetime().toMillis());
            config.setConnectionTimeout(settings.loginTimeout().plus(POOL_WAIT_SLACK).toMillis());
            config.setValidationTimeout(Duration.ofSeconds(PROBE_TIMEOUT_SECONDS).toMillis());
            // the pool is made on first use and tries one connection then, so a wrong URL, login or port fails
            // at once with the driver's reason instead of after the pool's whole wait
            config.setInitializationFailTimeout(1);
            config.setRegisterMbeans(false);
            try {
                pool = new HikariDataSource(config);
            } catch (PoolInitializationException e) {
                throw e.getCause() instanceof SQLException sql ? sql
                        : new SQLTransientConnectionException(SqlFailures.rootMessage(e), e);
            }
        }
        return pool;
    }

    /** Closes the pool (running statements finish or fail) and, for the demo, drops its database. */
    @Override
    public void close() {
        HikariDataSource toClose;
        synchronized (this) {
            closed = true;
            toClose = pool;
            pool = null;
        }
        if (toClose != null) {
            toClose.close();
        }
        onClose.run();
    }

    /** Work before the first connection. */
    @FunctionalInterface
    interface Preparation {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws SQLException;
    }
}
