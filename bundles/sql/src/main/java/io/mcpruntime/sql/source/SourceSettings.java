package io.mcpruntime.sql.source;

import io.mcpruntime.sql.dialect.DatabaseKind;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything about one database source. The same keys are read from a ConfigAdmin file
 * ({@code io.mcpruntime.sql.source-<name>.cfg}, e.g. {@code queryTimeout=30}) and from the environment for the
 * simple case ({@code MCP_SQL_QUERY_TIMEOUT=30}); where neither says, the seed's own {@code MCP_*} variables give
 * the default (see {@link #DEFAULTS_FROM_SEED}), then the built-in value.
 *
 * @param maxBytes cap on the size of the rows one answer returns
 * @param retryDelay the first backoff delay; it doubles per attempt, with jitter
 * @param breakerErrorRate fraction of failed calls (over at least 20 in a minute) that opens the breaker
 */
public record SourceSettings(String name, String url, String user, Secret password, AuthMode authentication,
        Secret accessToken, boolean readOnly, int maxRows, long maxBytes, Duration queryTimeout,
        Duration loginTimeout, int poolSize, Duration maxLifetime, int retryAttempts, Duration retryDelay,
        int breakerFailures, double breakerErrorRate, Duration breakerCooldown, Duration healthInterval,
        boolean demo) {

    /** The environment variable that carries a key for the environment-configured source. */
    public static String environmentName(String key) {
        return "MCP_SQL_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The seed's variables, kept as defaults for every source. */
    static final Map<String, String> DEFAULTS_FROM_SEED = Map.of(
            "loginTimeout", "MCP_CONNECTION_TIMEOUT",
            "retryAttempts", "MCP_CONNECTION_RETRY_ATTEMPTS",
            "retryDelay", "MCP_CONNECTION_RETRY_DELAY",
            "healthInterval", "MCP_HEARTBEAT_INTERVAL",
            "breakerErrorRate", "MCP_MAX_ERROR_RATE",
            "breakerCooldown", "MCP_ERROR_RECOVERY_COOLDOWN",
            "maxBytes", "MCP_MAX_STREAM_SIZE");

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("authentication", "sql"), Map.entry("readOnly", "true"), Map.entry("maxRows", "1000"),
            Map.entry("maxBytes", "10485760"), Map.entry("queryTimeout", "30"), Map.entry("loginTimeout", "30"),
            Map.entry("poolSize", "5"), Map.entry("maxLifetime", "1800"), Map.entry("retryAttempts", "3"),
            Map.entry("retryDelay", "2"), Map.entry("breakerFailures", "5"), Map.entry("breakerErrorRate", "0.1"),
            Map.entry("breakerCooldown", "300"), Map.entry("healthInterval", "60"));

    /**
     * Reads a source's settings.
     *
     * @param value the configured value of a key, or {@code null}
     * @param environment the process environment, for the seed's defaults and secrets named by variable
     * @throws IllegalArgumentException naming the key whose value is wrong
     */
    public static SourceSettings read(String name, Function<String, String> value, Map<String, String> environment) {
        Values values = new Values(key -> {
            String configured = value.apply(key);
            if (configured != null && !configured.isBlank()) {
                return configured.trim();
            }
            String seed = DEFAULTS_FROM_SEED.get(key);
            String fromSeed = seed == null ? null : environment.get(seed);
            return fromSeed != null && !fromSeed.isBlank() ? fromSeed.trim() : BUILT_IN.get(key);
        });
        String url = values.required("url");
        DatabaseKind.of(url);
        AuthMode authentication = AuthMode.of(values.text("authentication"));
        return new SourceSettings(name, url, values.text("user"),
                new Secret("password", values.text("password"), values.text("passwordFile"),
                        values.text("passwordEnv"), null, environment),
                authentication,
                new Secret("access token", null, values.text("tokenFile"), values.text("tokenEnv"),
                        values.text("tokenCommand"), environment),
                values.bool("readOnly"), values.positiveInt("maxRows"), values.positiveLong("maxBytes"),
                values.seconds("queryTimeout"), values.seconds("loginTimeout"), values.positiveInt("poolSize"),
                values.seconds("maxLifetime"), values.positiveInt("retryAttempts"), values.seconds("retryDelay"),
                values.positiveInt("breakerFailures"), values.fraction("breakerErrorRate"),
                values.seconds("breakerCooldown"), values.seconds("healthInterval"), false);
    }

    public DatabaseKind kind() {
        return DatabaseKind.of(url);
    }

    /** The same source as the built-in demo database, which is always read-only. */
    SourceSettings asDemo() {
        return new SourceSettings(name, url, user, password, authentication, accessToken, true, maxRows, maxBytes,
                queryTimeout, loginTimeout, poolSize, maxLifetime, retryAttempts, retryDelay, breakerFailures,
                breakerErrorRate, breakerCooldown, healthInterval, true);
    }

    /** How the source logs in. */
    public enum AuthMode {
        /** User and password (a SQL login). */
        SQL,
        /** An Entra ID access token (SQL Server only), from a variable, a file or a command. */
        TOKEN;

        static AuthMode of(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("authentication must be sql or token, not '" + text + "'");
            }
        }
    }
}
