package com.example.hello;

import io.mcpruntime.testing.McpKit;
import io.mcpruntime.testing.PluginJar;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the plugin in a real mcp-runtime kernel, built from target/classes, and calls it as a client would. */
class HelloToolsTest {
    @RegisterExtension
    static final McpKit kit = McpKit.withPlugin(PluginJar.fromClasses());

    @Test
    void greetsByName() {
        kit.client().callTool("hello_greet", Map.of("name", "Ann")).assertText("Hello, Ann!");
    }
}
