package io.mcpruntime.sql;

import io.mcpruntime.api.Completion;
import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Prompt;
import io.mcpruntime.sql.source.Sources;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Four prompts that walk the model through the tools the safe way. */
@Component
public class SqlPrompts implements McpPlugin {
    @Reference
    private Sources sources;

    @Prompt(name = "explore_database", description = "Get to know a database: its sources, main tables and how "
            + "they relate")
    public String exploreDatabase(@Param(description = "The source to explore", required = false) String source) {
        return "Explore the database " + target(source) + ". Start with sql_list_sources to see its health. Then "
                + "use sql_search_objects (kinds table and view, detail names, paging with nextOffset) to find the "
                + "main tables, sql_describe_table on the important ones to learn their keys and foreign keys, and "
                + "sql_sample to see a few rows. Summarize the entities, how they relate, and which questions the "
                + "data can answer. Do not list every object if there are many." + demoHint(source);
    }

    @Prompt(name = "answer_question", description = "Answer a question from the data with a safe, read-only query")
    public String answerQuestion(@Param(description = "The question to answer") String question,
            @Param(description = "The source to use", required = false) String source) {
        return "Answer this question from the database " + target(source) + ": " + question + "\n\n"
                + "Find the relevant tables with sql_search_objects and check their columns with sql_describe_table "
                + "before writing SQL. Prefer sql_aggregate for counts, sums and averages. Otherwise write one "
                + "SELECT for sql_query, with ? parameters for values, only the columns you need, and a TOP or WHERE "
                + "that keeps the result small. If the result says truncated, narrow the query instead of trusting "
                + "partial rows. Show the SQL you ran and explain the answer in plain words." + demoHint(source);
    }

    @Prompt(name = "explain_slow_query", description = "Explain why a query is slow and how to speed it up")
    public String explainSlowQuery(@Param(description = "The slow SELECT statement") String sql,
            @Param(description = "The source it runs on", required = false) String source) {
        return "This query is slow on " + target(source) + ":\n\n" + sql + "\n\n"
                + "Get its estimated plan with sql_explain (it does not run the query). Look up the tables it reads "
                + "with sql_describe_table to see their indexes, and their sizes with sql_aggregate (count). Point "
                + "out scans of large tables, missing or unused indexes, implicit conversions, row estimate errors "
                + "and expensive sorts or joins. Suggest concrete fixes (an index definition, a rewrite) and say "
                + "which you are sure of and which need measuring." + demoHint(source);
    }

    @Prompt(name = "check_data_quality", description = "Check a table's data for missing, duplicate and "
            + "out-of-range values")
    public String checkDataQuality(@Param(description = "The table to check, e.g. dbo.customers") String table,
            @Param(description = "The source it is in", required = false) String source) {
        return "Check the data quality of the table " + table + " in " + target(source) + ". Describe it with "
                + "sql_describe_table and look at a sample with sql_sample. Then, with sql_aggregate and read-only "
                + "sql_query statements, measure per column: missing values (NULL or empty), duplicates where values "
                + "should be unique (emails, codes), values out of a plausible range (negative quantities or stock, "
                + "dates in the future), and foreign keys that point nowhere. Report each finding with its count "
                + "and an example, most serious first." + demoHint(source);
    }

    @Completion(prompt = "explore_database", argument = "source")
    public List<String> exploreSources(String typed) {
        return sources.namesStartingWith(typed);
    }

    @Completion(prompt = "answer_question", argument = "source")
    public List<String> answerSources(String typed) {
        return sources.namesStartingWith(typed);
    }

    private static String target(String source) {
        return source == null || source.isBlank() ? "(the default source)" : "'" + source + "'";
    }

    private String demoHint(String source) {
        boolean demo = sources.all().stream().anyMatch(s -> s.isDemo()
                && (source == null || source.isBlank() || s.name().equals(source)));
        return demo ? "\n\nNote: this is the built-in DEMO database (a sample shop), not real data; say so in the "
                + "answer." : "";
    }
}
