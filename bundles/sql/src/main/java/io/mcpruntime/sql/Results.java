package io.mcpruntime.sql;

import io.mcpruntime.sql.catalog.ObjectSearch.DbObject;
import io.mcpruntime.sql.catalog.TableDetails;
import io.mcpruntime.sql.query.Column;
import io.mcpruntime.sql.query.Rows;
import io.mcpruntime.sql.source.Source;
import java.util.List;
import java.util.Map;

/**
 * What the tools return (structured content, with the same JSON as text). Every answer names its source and, when
 * that is the built-in demo database, says so in {@code demo} and {@code note}.
 */
final class Results {
    static final String DEMO_NOTE = "This answer comes from the built-in DEMO database (H2 in SQL Server mode: a "
            + "sample shop), not from your data. Configure a source to query a real database.";

    private Results() {
    }

    static String note(Source source) {
        return source.isDemo() ? DEMO_NOTE : null;
    }

    /**
     * A source as the list shows it.
     *
     * @param health UNKNOWN (not contacted yet), UP or DOWN
     * @param breaker CLOSED, OPEN or HALF_OPEN
     */
    record SourceInfo(String name, String database, boolean readOnly, boolean demo, String health,
            String healthMessage, String checkedAt, String breaker, Long breakerRetryInSeconds, int maxRows,
            long maxBytes, long queryTimeoutSeconds, String note) {

        static SourceInfo of(Source source) {
            var health = source.health();
            var breaker = source.breaker();
            return new SourceInfo(source.name(), source.dialect().product(), source.settings().readOnly(),
                    source.isDemo(), health.state().name(), health.message(),
                    health.checkedAt() == null ? null : health.checkedAt().toString(), breaker.state(),
                    breaker.retryIn().isZero() ? null : breaker.retryIn().toSeconds(), source.settings().maxRows(),
                    source.settings().maxBytes(), source.settings().queryTimeout().toSeconds(), Results.note(source));
        }
    }

    /** @param problems sources whose settings could not be used, and why */
    record SourceList(List<SourceInfo> sources, Map<String, String> problems) {
    }

    /**
     * @param truncated whether rows are missing because a cap was reached
     * @param truncatedBy which cap ("row cap 1000", "byte cap …")
     * @param sql the statement that ran (generated ones included)
     */
    record QueryResult(String source, boolean demo, List<Column> columns, List<List<Object>> rows, int rowCount,
            boolean truncated, String truncatedBy, String sql, String note) {

        static QueryResult of(Source source, Rows rows, String sql) {
            return new QueryResult(source.name(), source.isDemo(), rows.columns(), rows.rows(), rows.rows().size(),
                    rows.truncated(), rows.truncatedBy(), sql, Results.note(source));
        }
    }

    /** @param nextOffset pass as offset for the next page; absent on the last page */
    record ObjectsResult(String source, boolean demo, List<DbObject> objects, Integer nextOffset, String note) {
    }

    record TableResult(String source, boolean demo, TableDetails table, String note) {
    }

    /** @param format xml (SQL Server showplan) or text */
    record PlanResult(String source, boolean demo, String format, String plan, String note) {
    }
}
