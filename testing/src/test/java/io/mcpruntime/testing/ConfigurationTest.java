package io.mcpruntime.testing;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ConfigAdmin configuration set before the plugin starts, changed and removed while it runs. */
class ConfigurationTest {
    @RegisterExtension
    final McpKit kit = McpKit.builder()
            .configuration("greeter", Map.of("greeting", "Howdy"))
            .plugin(Fixtures.greeter())
            .build();

    @Test
    void thePluginStartsWithItsConfiguration() {
        kit.client().callTool("greeter_greet", Map.of("name", "Ann")).assertText("Howdy, Ann!");
    }

    @Test
    void reconfiguresAndUnconfiguresTheRunningPlugin() {
        kit.configure("greeter", Map.of("greeting", "Hi"));
        kit.client().callTool("greeter_greet", Map.of("name", "Ann")).assertText("Hi, Ann!");

        kit.removeConfiguration("greeter");
        kit.client().callTool("greeter_greet", Map.of("name", "Ann")).assertText("Hello, Ann!");
    }
}
