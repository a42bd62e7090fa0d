package io.mcpruntime.it;

import static io.mcpruntime.it.SqlRuntime.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The SQL plugin against a real PostgreSQL (from Debian, started by .ci/run; skipped without PG_TEST_URL): pooling,
 * the query timeout cancelling a long query on the server, a killed session and a server restart recovered through
 * retries with backoff, the circuit breaker opening and closing again, an edited source file replacing the
 * source's pool, the statements sql_sample, sql_aggregate and sql_search_objects write from the catalog, and a
 * write whose session is killed under it. Short timings come from the sources' own settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlPostgresIT {
    private static final String URL = System.getenv("PG_TEST_URL");
    private static final String USER = System.getenv().getOrDefault("PG_TEST_USER", "mcp");
    private static final String PASSWORD = System.getenv().getOrDefault("PG_TEST_PASSWORD", "mcp");
    private static final String CTL = System.getenv("PG_TEST_CTL");
    private static final int POOL_SIZE = 3;

    private static final String LOGIN = "url = " + URL + "\nuser = " + USER + "\npassword = " + PASSWORD
            + "\nloginTimeout = 2\n";
    private static final String COMMON = LOGIN + "queryTimeout = 2\nhealthInterval = 1\n";
    // "writer" takes writes long enough to be killed under, and no probe marks it up again during the test
    private static final String WRITER = LOGIN + "readOnly = false\nqueryTimeout = 60\nhealthInterval = 3600\n";
    private static final String SLOW_WRITE = "UPDATE cutoff SET v = v + 1 WHERE pg_sleep(30) IS NOT NULL";
    // "pg" rides out outages with retries: its breakers stay out of the way; "fragile" gives up at once
    private static final String PG = COMMON + "poolSize = " + POOL_SIZE
            + "\nretryAttempts = 8\nretryDelay = 0.5\nbreakerFailures = 1000\nbreakerErrorRate = 1\n";

    private Path plugins;
    private SqlRuntime sql;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(URL != null, "PG_TEST_URL is not set (.ci/run sets it up)");
        plugins = Files.createTempDirectory("sql-postgres");
        SqlRuntime.writeSource(plugins, "pg", PG);
        SqlRuntime.writeSource(plugins, "fragile",
                COMMON + "retryAttempts = 1\nbreakerFailures = 3\nbreakerCooldown = 5\n");
        SqlRuntime.writeSource(plugins, "writer", WRITER);
        sql = SqlRuntime.start(plugins);
        await(() -> sql.sources().size(), sources -> sources == 3, "all sources configured");
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS stock");
            statement.execute("CREATE TABLE stock (id INT PRIMARY KEY, qty INT)");
            statement.execute("INSERT INTO stock SELECT g, g * 10 FROM generate_series(1, 50) g");
            statement.execute("DROP TABLE IF EXISTS cutoff");
            statement.execute("CREATE TABLE cutoff (v INT)");
            statement.execute("INSERT INTO cutoff VALUES (0)");
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (sql != null) {
            sql.close();
        }
        if (CTL != null) {
            control("start"); // whatever a failed test left behind
        }
    }

    @Test
    @Order(1)
    void concurrentCallsShareAPoolOfTheConfiguredSize() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<JsonNode>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> query("pg",
                        "SELECT pg_backend_pid() AS pid, pg_sleep(0.3) AS slept"), callers));
            }
            Set<Integer> backends = new HashSet<>();
            for (CompletableFuture<JsonNode> call : calls) {
                backends.add(call.get(60, TimeUnit.SECONDS).at("/rows/0/0").asInt());
            }
            assertTrue(backends.size() <= POOL_SIZE, "sessions used: " + backends);
            assertTrue(backends.size() > 1, "calls ran in parallel on several sessions: " + backends);
        } finally {
            callers.shutdown();
        }
        assertEquals(1, query("pg", "SELECT qty FROM stock WHERE id = ?", List.of(1)).get("rowCount").asInt());
    }

    @Test
    @Order(2)
    void theQueryTimeoutCancelsALongQueryOnTheServer() throws Exception {
        assertEquals("The statement ran longer than the query timeout of source 'pg' (2 s) and was cancelled.",
                sql.failure("sql_query", Map.of("source", "pg", "sql", "SELECT pg_sleep(20)")));
        await(() -> count("SELECT COUNT(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(20)' "
                + "AND state = 'active'"), active -> active == 0, "the server stopped the query");
    }

    @Test
    @Order(3)
    void aKilledSessionIsReplacedWithoutTheClientNoticing() throws Exception {
        query("pg", "SELECT 1");
        int killed = count("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE usename = current_user AND pid <> pg_backend_pid() AND datname = current_database()");
        assertTrue(killed > 0, "the plugin's sessions were killed");
        assertEquals("[[50]]", query("pg", "SELECT COUNT(*) FROM stock").get("rows").toString());
        assertEquals("UP", sql.source("pg").get("health").asText());
    }

    @Test
    @Order(4)
    void aServerRestartIsRiddenOutWithBackoff() throws Exception {
        assumeTrue(CTL != null, "PG_TEST_CTL is not set");
        int retriesBefore = retryLines("pg");
        control("stop");
        CompletableFuture<JsonNode> during = CompletableFuture.supplyAsync(() -> query("pg",
                "SELECT COUNT(*) FROM stock"));
        await(() -> retryLines("pg"), retries -> retries > retriesBefore,
                "the call is retrying while the server is down");
        control("start");
        assertEquals("[[50]]", during.get(60, TimeUnit.SECONDS).get("rows").toString());
    }

    @Test
    @Order(5)
    void theCircuitBreakerOpensAndClosesAgain() throws Exception {
        assumeTrue(CTL != null, "PG_TEST_CTL is not set");
        query("fragile", "SELECT 1");
        control("stop");
        try {
            // calls and the health probe both count: the breaker opens after three failures in a row of either
            String failure = failure("fragile");
            assertTrue(failure.startsWith("Cannot reach source 'fragile' after 1 attempt(s) (login timeout 2 s "
                    + "each)"), failure);
            for (int calls = 1; calls < 10 && failure.startsWith("Cannot reach"); calls++) {
                failure = failure("fragile");
            }
            assertTrue(failure.startsWith("The source 'fragile' is unavailable: repeated connection failures opened "
                    + "its circuit breaker"), failure);
            assertEquals("OPEN", sql.source("fragile").get("breaker").asText());
            assertEquals("DEGRADED", sql.health().get("status").asText(), "a database outage degrades, never kills");
            assertTrue(sql.process().isAlive());
        } finally {
            control("start");
        }
        await(() -> sql.source("fragile"), fragile -> "CLOSED".equals(fragile.get("breaker").asText())
                && "UP".equals(fragile.get("health").asText()), "the probe closes the breaker");
        sql.process().awaitStderr(Pattern.compile("Source fragile: circuit breaker half-open"), Duration.ofSeconds(5));
        sql.process().awaitStderr(Pattern.compile("Source fragile: circuit breaker closed"), Duration.ofSeconds(5));
        assertEquals("[[1]]", query("fragile", "SELECT 1").get("rows").toString());
    }

    @Test
    @Order(6)
    void anEditedSourceFileReplacesThePoolWithoutARestart() throws Exception {
        int before = query("pg", "SELECT pg_backend_pid()").at("/rows/0/0").asInt();
        SqlRuntime.writeSource(plugins, "pg", PG + "maxRows = 99\n");
        await(() -> sql.source("pg").path("maxRows").asInt(), rows -> rows == 99, "the edited file is read");
        await(() -> count("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + before), sessions -> sessions == 0,
                "the old pool's sessions are closed");
        int after = query("pg", "SELECT pg_backend_pid()").at("/rows/0/0").asInt();
        assertTrue(after != before, "a new pool, a new session");
        assertTrue(sql.process().isAlive());
    }

    @Test
    @Order(7)
    void statementsWrittenFromTheCatalogRunOnPostgres() {
        JsonNode sample = sql.answer("sql_sample", Map.of("source", "pg", "table", "stock", "rows", 3));
        assertEquals(3, sample.get("rowCount").asInt(), sample.toString());
        JsonNode total = sql.answer("sql_aggregate", Map.of("source", "pg", "table", "STOCK",
                "measures", List.of(Map.of("function", "sum", "column", "qty"))));
        assertEquals("[[12750]]", total.get("rows").toString(), total.toString());
        assertEquals("[[50]]", query("pg", "SELECT COUNT(*) FROM stock").get("rows").toString(),
                "the connections went back to the pool usable");
        assertEquals("UP", sql.source("pg").get("health").asText());
    }

    @Test
    @Order(8)
    void searchingObjectsAtFullDetailListsTheirColumns() {
        JsonNode full = sql.answer("sql_search_objects", Map.of("source", "pg", "pattern", "stock",
                "detail", "full", "kinds", List.of("table")));
        JsonNode stock = full.get("objects").get(0);
        assertEquals("stock", stock.get("name").asText(), full.toString());
        assertEquals("[\"id int4\",\"qty int4\"]", stock.get("columns").toString());
        assertEquals("[[50]]", query("pg", "SELECT COUNT(*) FROM stock").get("rows").toString(),
                "the connection went back to the pool usable");
    }

    @Test
    @Order(9)
    void aWriteWhoseSessionIsKilledUnderItIsReportedAsCutOff() throws Exception {
        await(() -> Clients.pluginToolNames(sql.client()), names -> names.contains("sql_execute"),
                "the read-write source brings the write tool");
        CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> sql.failure("sql_execute",
                Map.of("source", "writer", "sql", SLOW_WRITE)));
        await(() -> count("SELECT COUNT(*) FROM pg_stat_activity WHERE query = '" + SLOW_WRITE
                + "' AND state = 'active'"), active -> active == 1, "the write is running");
        assertEquals(1, count("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = '"
                + SLOW_WRITE + "' AND state = 'active'"));

        String failure = write.get(60, TimeUnit.SECONDS);
        assertTrue(failure.startsWith("The write on source 'writer' failed while it ran and was not retried (a write "
                + "runs once; it may or may not have been applied): "), failure);
        assertEquals("DOWN", sql.source("writer").get("health").asText(), "a broken connection marks the source");
        assertEquals(0, count("SELECT v FROM cutoff"), "the server rolled the killed write back");
    }

    private JsonNode query(String source, String statement) {
        return query(source, statement, List.of());
    }

    private JsonNode query(String source, String statement, List<Object> params) {
        return sql.answer("sql_query", Map.of("source", source, "sql", statement, "params", params));
    }

    private String failure(String source) {
        return sql.failure("sql_query", Map.of("source", source, "sql", "SELECT 1"));
    }

    private int retryLines(String source) {
        String prefix = "Source " + source + ": attempt ";
        return (int) sql.process().stderr().stream().filter(line -> line.contains(prefix)).count();
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static int count(String sql) {
        try (Connection admin = admin(); Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void control(String action) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", CTL + " " + action)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), CTL + " " + action + " did not finish");
    }
}
