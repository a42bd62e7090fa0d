package io.mcpruntime.sql;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolException;
import io.mcpruntime.sql.Results.ObjectsResult;
import io.mcpruntime.sql.Results.PlanResult;
import io.mcpruntime.sql.Results.QueryResult;
import io.mcpruntime.sql.Results.SourceInfo;
import io.mcpruntime.sql.Results.SourceList;
import io.mcpruntime.sql.Results.TableResult;
import io.mcpruntime.sql.catalog.ObjectSearch;
import io.mcpruntime.sql.catalog.ObjectSearch.Detail;
import io.mcpruntime.sql.catalog.TableDescriber;
import io.mcpruntime.sql.catalog.TableResolver;
import io.mcpruntime.sql.dialect.ExplainStatements;
import io.mcpruntime.sql.dialect.ObjectKind;
import io.mcpruntime.sql.guard.ReadOnlyClassifier;
import io.mcpruntime.sql.guard.Verdict;
import io.mcpruntime.sql.query.Aggregation;
import io.mcpruntime.sql.query.ReadOnlyStatement;
import io.mcpruntime.sql.query.Rows;
import io.mcpruntime.sql.source.Source;
import io.mcpruntime.sql.source.SqlFailures;
import io.mcpruntime.sql.source.Sources;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The read tools: served as {@code sql_list_sources}, {@code sql_search_objects}, {@code sql_describe_table},
 * {@code sql_query}, {@code sql_aggregate}, {@code sql_explain} and {@code sql_sample}. The write tool
 * ({@code sql_execute}) exists only while a source is read-write (see {@link WriteTool}).
 */
@Component
public class SqlTools implements McpPlugin {
    private static final String SOURCE = "The source's name (see sql_list_sources); may be left out when there is "
            + "only one";

    @Reference
    private Sources sources;

    @Tool(name = "list_sources", description = "Lists the database sources: name, database product, read-only or "
            + "not, health (UNKNOWN until first used, UP, DOWN), circuit breaker, row/byte caps and query timeout.",
            readOnly = true, idempotent = true, openWorld = false)
    public SourceList listSources() {
        return new SourceList(sources.all().stream().map(SourceInfo::of).toList(), sources.problems());
    }

    @Tool(name = "search_objects", description = "Finds tables, views, procedures and columns whose name matches a "
            + "pattern ('order' finds names containing it; * and ? are wildcards), a page at a time. Use it instead "
            + "of listing a whole catalogue; detail 'full' adds each table's columns.",
            readOnly = true, idempotent = true, openWorld = false)
    public ObjectsResult searchObjects(@Param(description = SOURCE, required = false) String source,
            @Param(description = "Name pattern; empty matches everything", required = false) String pattern,
            @Param(description = "Kinds of objects to find; all when empty", required = false) List<ObjectKind> kinds,
            @Param(description = "names, summary (adds a column's table and type) or full (adds table columns)",
                    defaultValue = "summary") Detail detail,
            @Param(description = "Objects to skip (from nextOffset of the previous page)", defaultValue = "0",
                    minimum = 0) int offset,
            @Param(description = "Objects per page", defaultValue = "50", minimum = 1, maximum = 200) int limit,
            ToolContext context) {
        Source db = sources.resolve(source);
        ObjectSearch.Page page = call(db, () -> ObjectSearch.search(db, pattern,
                kinds == null ? Set.of() : Set.copyOf(kinds), detail, offset, limit, context));
        return new ObjectsResult(db.name(), db.isDemo(), page.objects(), page.nextOffset(), Results.note(db));
    }

    @Tool(name = "describe_table", description = "Describes a table or view: columns (type, size, nullable, "
            + "default, identity), primary key, foreign keys and indexes. Names may be schema-qualified.",
            readOnly = true, idempotent = true, openWorld = false)
    public TableResult describeTable(@Param(description = SOURCE, required = false) String source,
            @Param(description = "Table or view, e.g. orders or dbo.orders") String table) {
        Source db = sources.resolve(source);
        return new TableResult(db.name(), db.isDemo(), call(db, () -> TableDescriber.describe(db, table)),
                Results.note(db));
    }

    @Tool(name = "query", description = "Runs one read-only SELECT (or WITH … SELECT) with optional ? parameters "
            + "and returns column names and types and the rows, up to the source's row and byte caps; truncated "
            + "says whether rows are missing. Anything else (writes, EXEC, several statements, unparsable text) is "
            + "refused, and the statement runs in a transaction that is always rolled back.",
            readOnly = true, idempotent = true, openWorld = false)
    public QueryResult query(@Param(description = SOURCE, required = false) String source,
            @Param(description = "One SELECT statement; use ? for values") String sql,
            @Param(description = "Values for the ? placeholders, in order", required = false) List<Object> params,
            @Param(description = "Most rows to return (never more than the source's cap)", required = false,
                    minimum = 1) Integer maxRows,
            ToolContext context) {
        Source db = sources.resolve(source);
        requireReadOnly(db, sql);
        Rows rows = call(db, () -> ReadOnlyStatement.query(db, sql, params == null ? List.of() : params,
                maxRows == null ? Integer.MAX_VALUE : maxRows, context));
        return QueryResult.of(db, rows, sql);
    }

    @Tool(name = "aggregate", description = "Counts, sums, averages, minimums and maximums of a table's columns, "
            + "grouped by columns and filtered by equality, without writing SQL. Without measures it counts rows. "
            + "Grouped results come largest first.", readOnly = true, idempotent = true, openWorld = false)
    public QueryResult aggregate(@Param(description = SOURCE, required = false) String source,
            @Param(description = "Table or view, e.g. orders or dbo.orders") String table,
            @Param(description = "What to compute, e.g. [{\"function\":\"sum\",\"column\":\"total\"}]",
                    required = false) List<Aggregation.Measure> measures,
            @Param(description = "Columns to group by", required = false) List<String> groupBy,
            @Param(description = "Column = value conditions, e.g. {\"status\":\"shipped\"}", required = false)
            Map<String, Object> filters,
            @Param(description = "Most groups to return", defaultValue = "100", minimum = 1) int limit,
            ToolContext context) {
        Source db = sources.resolve(source);
        return call(db, () -> db.read(connection -> {
            Aggregation.Statement statement = Aggregation.build(connection, db.dialect(), table, orEmpty(measures),
                    orEmpty(groupBy), filters == null ? Map.of() : filters);
            return QueryResult.of(db, ReadOnlyStatement.query(connection, db, statement.sql(),
                    statement.parameters(), limit, context), statement.sql());
        }));
    }

    @Tool(name = "explain", description = "Shows the estimated plan of a read-only query without running it "
            + "(SQL Server: SHOWPLAN XML; PostgreSQL and H2: EXPLAIN text). Write the values into the query.",
            readOnly = true, idempotent = true, openWorld = false)
    public PlanResult explain(@Param(description = SOURCE, required = false) String source,
            @Param(description = "The SELECT statement to explain") String sql, ToolContext context) {
        Source db = sources.resolve(source);
        requireReadOnly(db, sql);
        ExplainStatements explain = db.dialect().explain(sql);
        Rows plan = call(db, () -> ReadOnlyStatement.batches(db, explain.batches(), context));
        String text = plan == null ? "" : plan.rows().stream().map(row -> String.valueOf(row.get(0)))
                .collect(Collectors.joining("\n"));
        return new PlanResult(db.name(), db.isDemo(), explain.format(), text, Results.note(db));
    }

    @Tool(name = "sample", description = "Returns the first rows of a table or view, to see what its data looks "
            + "like.", readOnly = true, idempotent = true, openWorld = false)
    public QueryResult sample(@Param(description = SOURCE, required = false) String source,
            @Param(description = "Table or view, e.g. orders or dbo.orders") String table,
            @Param(description = "How many rows", defaultValue = "10", minimum = 1, maximum = 100) int rows,
            ToolContext context) {
        Source db = sources.resolve(source);
        return call(db, () -> db.read(connection -> {
            String sql = db.dialect().sample(TableResolver.resolve(connection, table).quoted(db.dialect()), rows);
            return QueryResult.of(db, ReadOnlyStatement.query(connection, db, sql, List.of(), rows, context), sql);
        }));
    }

    static void requireReadOnly(Source source, String sql) {
        Verdict verdict = ReadOnlyClassifier.check(sql, source.dialect().bracketQuoting());
        if (!verdict.allowed()) {
            throw new ToolException("Refused: only a single read-only SELECT statement may run here, and "
                    + verdict.reason() + ".");
        }
    }

    /** Runs database work, turning its failures into messages for the client. */
    static <T> T call(Source source, DatabaseCall<T> work) {
        try {
            return work.run();
        } catch (ToolException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw SqlFailures.describe(source, e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Work against a source. */
    @FunctionalInterface
    interface DatabaseCall<T> {
        T run() throws SQLException;
    }
}
