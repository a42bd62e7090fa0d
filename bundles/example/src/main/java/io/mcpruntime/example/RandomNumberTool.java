package io.mcpruntime.example;

import io.mcpruntime.api.McpTool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolResult;
import io.mcpruntime.api.ToolSpec;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.osgi.service.component.annotations.Component;

/** A programmatic tool: its schema is written as JSON, as a tool whose shape is only known at run time would be. */
@Component
public class RandomNumberTool implements McpTool {

    @Override
    public ToolSpec spec() {
        return ToolSpec.builder("random")
                .description("A random integer between min and max (inclusive).")
                .inputSchema("""
                        {"type":"object","properties":{
                          "min":{"type":"integer","description":"Lowest value"},
                          "max":{"type":"integer","description":"Highest value"}},
                         "required":["min","max"]}""")
                .readOnly()
                .build();
    }

    @Override
    public ToolResult call(Map<String, Object> arguments, ToolContext context) {
        long min = ((Number) arguments.get("min")).longValue();
        long max = ((Number) arguments.get("max")).longValue();
        if (min > max) {
            return ToolResult.error("min must not be greater than max");
        }
        return ToolResult.text(Long.toString(between(min, max)));
    }

    /** Inclusive of both ends: {@code nextLong}'s bound is exclusive, and {@code max + 1} overflows at the top. */
    private static long between(long min, long max) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return min > Long.MIN_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong();
    }
}
