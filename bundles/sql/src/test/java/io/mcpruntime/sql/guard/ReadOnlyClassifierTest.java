package io.mcpruntime.sql.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ReadOnlyClassifierTest {

    static Stream<String> bypasses() throws IOException {
        return corpus("/read-only-bypasses.sql").stream();
    }

    static Stream<String> queries() throws IOException {
        return corpus("/read-only-queries.sql").stream();
    }

    /** Entries separated by lines of four equals signs. */
    static List<String> corpus(String resource) throws IOException {
        try (InputStream in = ReadOnlyClassifierTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n====\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    @Test
    void theBypassCorpusHasAtLeastThirtyAttempts() throws IOException {
        assertTrue(corpus("/read-only-bypasses.sql").size() >= 30);
    }

    @ParameterizedTest
    @MethodSource("bypasses")
    void refusesEveryBypassAttemptWithAReason(String sql) {
        for (boolean brackets : new boolean[] {true, false}) {
            Verdict verdict = ReadOnlyClassifier.check(sql, brackets);
            assertFalse(verdict.allowed(), () -> "allowed: " + sql);
            assertFalse(verdict.reason().isBlank());
        }
    }

    @ParameterizedTest
    @MethodSource("queries")
    void allowsOrdinaryQueries(String sql) {
        Verdict verdict = ReadOnlyClassifier.check(sql, true);
        assertTrue(verdict.allowed(), () -> sql + " refused: " + verdict.reason());
    }

    @Test
    void bracketsAreASubscriptWhereTheyDoNotQuote() {
        assertFalse(ReadOnlyClassifier.check("SELECT a[1], pg_read_file('/etc/passwd') FROM t WHERE x = a[2]",
                false).allowed());
    }

    @Test
    void writesAreOnlyDataChanges() {
        assertTrue(WriteClassifier.check("UPDATE dbo.products SET unit_price = ? WHERE id = ?", true).allowed());
        assertTrue(WriteClassifier.check("INSERT INTO dbo.customers (name) VALUES ('x')", true).allowed());
        assertFalse(WriteClassifier.check("DROP TABLE dbo.products", true).allowed());
        assertFalse(WriteClassifier.check("DELETE FROM t; DELETE FROM u", true).allowed());
        assertFalse(WriteClassifier.check("EXEC('DELETE FROM t')", true).allowed());
        assertFalse(WriteClassifier.check("INSERT INTO t SELECT * FROM OPENQUERY(s, 'x')", true).allowed());
        assertFalse(WriteClassifier.check("SELECT 1", true).allowed());
    }
}
