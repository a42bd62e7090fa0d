package io.mcpruntime.bench.plugin;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Tool;
import org.osgi.service.component.annotations.Component;

/**
 * Ten echo tools. No {@code @Namespace}: the bundle's {@code MCP-Namespace} header names them, so the benchmark
 * makes many distinct plugins from this one jar by rewriting its manifest.
 */
@Component
public class TenTools implements McpPlugin {

    @Tool(description = "Echo 1.")
    public String t01(@Param(description = "Text to send back") String message) {
        return message;
    }

    @Tool(description = "Echo 2.")
    public String t02(@Param(description = "Text to send back") String message) {
        return message;
    }

    @Tool(description = "Echo 3.")
    public String t03(@Param(description = "Text to send back") String message) {
        return message;
    }

    @Tool(description = "Echo 4.")
    public String t04(@Param(description = "Text to send back") String message) {
        return message;
    }

    @Tool(description = "Echo 5.")
    public String t05(@Param(description = "Text to send back") String message) {
        return message;
    }

    @Tool(description = "Echo 6.")
    public String t06(@Param(description = "Text to send back") String message) {
        return message;
    }

    @Tool(description = "Echo 7.")
    public String t07(@Param(description = "Text to send back") String message) {
        return message;
    }

    @Tool(description = "Echo 8.")
    public String t08(@Param(description = "Text to send back") String message) {
        return message;
    }

    @Tool(description = "Echo 9.")
    public String t09(@Param(description = "Text to send back") String message) {
        return message;
    }

    @Tool(description = "Echo 10.")
    public String t10(@Param(description = "Text to send back") String message) {
        return message;
    }
}
