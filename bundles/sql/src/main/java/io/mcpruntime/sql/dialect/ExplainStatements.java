package io.mcpruntime.sql.dialect;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How a dialect shows a query's estimated plan without running it: optional statements around the query (SQL
 * Server's SHOWPLAN switch) and the text whose result set is the plan.
 *
 * @param before run first, or {@code null}
 * @param plan the statement whose result set holds the plan
 * @param after run last, or {@code null}
 * @param format what the plan text is (xml, text)
 */
public record ExplainStatements(String before, String plan, String after, String format) {

    /** The statements to run, in order, each as its own batch. */
    public List<String> batches() {
        return Stream.of(before, plan, after).filter(Objects::nonNull).toList();
    }
}
