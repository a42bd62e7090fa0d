package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Factory configurations ({@code <factoryPid>-<name>.cfg}): one component, here one tool, per file. */
class FactoryConfigurationTest {
    @RegisterExtension
    final McpKit kit = McpKit.withPlugin(PluginJar.fromPackages(Fixtures.ECHOES));

    @Test
    void eachFactoryConfigurationServesATool() {
        assertEquals(List.of(), kit.client().toolNames());
        kit.configure("echo-loud", Map.of("name", "loud", "prefix", "!"));
        kit.configure("echo-soft", Map.of("name", "soft", "prefix", "..."));
        assertEquals(List.of("echoes_loud", "echoes_soft"), kit.client().toolNames().stream().sorted().toList());
        kit.client().callTool("echoes_loud", Map.of("text", "hi")).assertText("!hi");

        kit.configure("echo-loud", Map.of("name", "loud", "prefix", "!!"));
        kit.client().callTool("echoes_loud", Map.of("text", "hi")).assertText("!!hi");

        kit.removeConfiguration("echo-loud");
        assertEquals(List.of("echoes_soft"), kit.client().toolNames());
    }
}
