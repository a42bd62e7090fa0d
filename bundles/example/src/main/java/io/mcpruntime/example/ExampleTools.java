package io.mcpruntime.example;

import io.mcpruntime.api.LogLevel;
import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.TaskSupport;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolException;
import java.time.LocalDate;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * The example plugin's core tools: plain arguments, structured arguments and results, progress, cancellation, a
 * long-running tool that clients may run as an MCP task.
 * Served as {@code example_echo}, {@code example_countdown}, {@code example_stats} and {@code example_search}.
 */
@Component
public class ExampleTools implements McpPlugin {
    private static final int MAX_SECONDS = 600;

    /** What {@link #stats} returns: a record, so clients get structured content and an output schema. */
    public record Stats(int count, double min, double max, double mean) {
    }

    /** A structured argument: nested fields with their own constraints. */
    public record Query(
            @Param(description = "Words to look for", minSize = 1) String text,
            @Param(description = "Most results to return", minimum = 1, maximum = 50) int limit,
            @Param(description = "Field filters, e.g. {\"status\": \"open\"}", required = false)
            Map<String, String> filters,
            @Param(description = "Only items with one of these tags", required = false) List<String> tags,
            @Param(description = "Only items changed on or after this day", required = false) LocalDate since) {
    }

    @Tool(description = "Returns the message unchanged.", tags = "basic", readOnly = true, idempotent = true,
            openWorld = false)
    public String echo(@Param(description = "The text to send back") String message) {
        return message;
    }

    @Tool(description = "Counts down one second at a time, reporting progress each second; stops early when "
            + "the call is cancelled. Can run as an MCP task.", tags = "slow", readOnly = true, openWorld = false,
            taskSupport = TaskSupport.OPTIONAL)
    public String countdown(@Param(description = "Seconds to count down", minimum = 1, maximum = MAX_SECONDS)
            int seconds, ToolContext context) throws InterruptedException {
        context.log(LogLevel.INFO, "Counting down from " + seconds);
        for (int done = 0; done < seconds; done++) {
            if (context.isCancelled()) {
                return "Cancelled with " + (seconds - done) + " s left";
            }
            context.progress(done, (double) seconds, (seconds - done) + " s left");
            Thread.sleep(1000);
        }
        context.progress(seconds, (double) seconds, "done");
        return "Countdown of " + seconds + " s finished";
    }

    @Tool(description = "Count, minimum, maximum and mean of a list of numbers.", readOnly = true, openWorld = false)
    public Stats stats(@Param(description = "The numbers", minSize = 1) List<Double> values) {
        DoubleSummaryStatistics summary = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        return new Stats((int) summary.getCount(), summary.getMin(), summary.getMax(), summary.getAverage());
    }

    @Tool(description = "Describes how a search query was understood (shows structured arguments).",
            readOnly = true, openWorld = false)
    public String search(@Param(description = "What to search for") Query query,
            @Param(description = "Sort order", defaultValue = "relevance") Order order,
            Optional<Boolean> verbose) {
        if (query.text().isBlank()) {
            throw new ToolException("query.text must not be blank");
        }
        return "Searching '" + query.text() + "' (limit " + query.limit() + ", order " + order
                + ", filters " + (query.filters() == null ? Map.of() : query.filters())
                + ", tags " + (query.tags() == null ? List.of() : query.tags())
                + ", since " + query.since() + ", verbose " + verbose.orElse(false) + ")";
    }

    /** Enums become JSON Schema enums. */
    public enum Order { relevance, newest, oldest }
}
