package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Plugins dropped, replaced and removed during a test, and every client told. */
class PluginUpdateTest {
    @RegisterExtension
    final McpKit kit = McpKit.builder().build();

    @Test
    void anUpdateServesTheNewReleaseAndEveryClientIsTold() {
        McpTestClient other = kit.newClient();
        Plugin greeter = kit.deploy(Fixtures.greeter());
        other.notifications().awaitToolsListChanged();
        assertEquals(List.of("greeter_greet"), other.toolNames());

        greeter.update(Fixtures.greeterRelease2());
        other.notifications().awaitToolsListChanged();
        assertEquals(List.of("greeter_farewell", "greeter_greet"), other.toolNames().stream().sorted().toList());
        kit.client().callTool("greeter_farewell", Map.of("name", "Ann")).assertText("Goodbye, Ann!");
    }

    @Test
    void removingOnePluginLeavesTheOthers() {
        Plugin greeter = kit.deploy(Fixtures.greeter());
        kit.deploy(Fixtures.showcase());
        greeter.remove();
        assertEquals(List.of(), kit.client().toolNames().stream().filter(name -> name.startsWith("greeter")).toList());
        kit.client().callTool("showcase_add", Map.of("a", 1, "b", 1)).assertSuccess();
    }
}
