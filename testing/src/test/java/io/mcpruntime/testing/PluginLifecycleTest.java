package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The acceptance test: deploy, call, reconfigure and remove a plugin in a few lines. */
class PluginLifecycleTest {
    @RegisterExtension
    final McpKit kit = McpKit.builder().build();

    @Test
    void deploysCallsReconfiguresAndRemovesAPlugin() {
        Plugin greeter = kit.deploy(PluginJar.fromPackages("io.mcpruntime.testing.fixtures.greeter"));
        McpTestClient client = kit.client();
        client.callTool("greeter_greet", Map.of("name", "Ann")).assertText("Hello, Ann!");

        kit.configure("greeter", Map.of("greeting", "Hi"));
        client.callTool("greeter_greet", Map.of("name", "Ann")).assertText("Hi, Ann!");

        greeter.remove();
        assertEquals(List.of(), client.toolNames());
    }
}
