package io.mcpruntime.sql;

import io.mcpruntime.api.McpTool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolException;
import io.mcpruntime.api.ToolResult;
import io.mcpruntime.api.ToolSpec;
import io.mcpruntime.sql.guard.Verdict;
import io.mcpruntime.sql.guard.WriteClassifier;
import io.mcpruntime.sql.source.Source;
import io.mcpruntime.sql.source.Sources;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code sql_execute}: one INSERT, UPDATE, DELETE or MERGE on a source configured read-write, committed, answering
 * the number of affected rows. A programmatic tool because it exists only while such a source does, and its
 * schema lists exactly those sources.
 */
final class WriteTool implements McpTool {
    private final Sources sources;
    private final List<String> writable;

    WriteTool(Sources sources, List<String> writable) {
        this.sources = sources;
        this.writable = List.copyOf(writable);
    }

    /** What the tool answers. */
    record WriteResult(String source, int affectedRows) {
    }

    @Override
    public ToolSpec spec() {
        String names = writable.stream().map(n -> "\"" + n.replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(","));
        return ToolSpec.builder("execute")
                .description("Runs one INSERT, UPDATE, DELETE or MERGE (with optional ? parameters) on a source "
                        + "configured read-write, commits it and returns the number of affected rows. Schema changes, "
                        + "EXEC and several statements are refused. Read-write sources: " + writable)
                .inputSchema("""
                        {"type":"object","properties":{
                          "source":{"type":"string","enum":[%s],"description":"A read-write source"},
                          "sql":{"type":"string","minLength":1,"description":"One INSERT, UPDATE, DELETE or MERGE"},
                          "params":{"type":"array","description":"Values for the ? placeholders, in order"}},
                         "required":["source","sql"]}""".formatted(names))
                .destructive(true)
                .openWorld(false)
                .build();
    }

    @Override
    public ToolResult call(Map<String, Object> arguments, ToolContext context) {
        Source source = sources.resolve((String) arguments.get("source"));
        if (source.settings().readOnly()) {
            throw new ToolException("Refused: the source '" + source.name() + "' is read-only.");
        }
        String sql = (String) arguments.get("sql");
        Verdict verdict = WriteClassifier.check(sql, source.dialect().bracketQuoting());
        if (!verdict.allowed()) {
            throw new ToolException("Refused: " + verdict.reason() + ".");
        }
        List<?> parameters = arguments.get("params") instanceof List<?> list ? list : List.of();
        int affected = SqlTools.call(source, () -> source.write(connection -> {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setQueryTimeout((int) Math.max(1, source.settings().queryTimeout().toSeconds()));
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                int count = statement.executeUpdate();
                connection.commit();
                return count;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    // the connection broke under the statement: its failure, not the rollback's, tells what happened
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }));
        return ToolResult.text(affected + " row(s) affected on source '" + source.name() + "'")
                .withStructured(new WriteResult(source.name(), affected));
    }
}
