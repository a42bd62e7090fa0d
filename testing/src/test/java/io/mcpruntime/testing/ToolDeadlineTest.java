package io.mcpruntime.testing;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tool's own deadline ({@code @Tool(timeoutSeconds)}) ends its call before the kernel's default would. */
class ToolDeadlineTest {
    @RegisterExtension
    static final McpKit kit = McpKit.withPlugin(PluginJar.fromPackages("io.mcpruntime.testing.fixtures.slow"));

    @Test
    void aToolsOwnDeadlineCancelsItsCall() {
        kit.client().callTool("slow_nap", Map.of("seconds", 0)).assertText("rested");
        kit.client().callTool("slow_nap", Map.of("seconds", 60)).assertError()
                .assertText("Tool 'slow_nap' timed out after 1 s and was cancelled");
    }
}
