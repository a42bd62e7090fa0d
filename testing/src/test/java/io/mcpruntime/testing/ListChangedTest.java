package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpruntime.testing.Notifications.ListKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every list a plugin touches is announced to every client, when it comes and when it goes. */
class ListChangedTest {
    @RegisterExtension
    final McpKit kit = McpKit.builder().build();

    @Test
    void aSecondClientHearsOfToolsResourcesAndPrompts() {
        Notifications other = kit.newClient().notifications();
        Plugin showcase = kit.deploy(Fixtures.showcase());
        other.awaitToolsListChanged();
        other.awaitResourcesListChanged();
        other.awaitPromptsListChanged();

        showcase.remove();
        other.awaitToolsListChanged();
        other.awaitResourcesListChanged();
        other.awaitPromptsListChanged();
        assertEquals(2, kit.client().notifications().listChangedCount(ListKind.PROMPTS));
    }

    @Test
    void waitsForToolsToAppearAndGo() throws Exception {
        McpTestClient client = kit.client();
        assertEquals(List.of(), client.awaitToolNames(List::isEmpty));
        Path file = kit.pluginsFolder().resolve("greeter.jar");
        Fixtures.greeter().writeTo(file); // dropped behind the kit's back: only the client can tell when it serves
        assertEquals(List.of("greeter_greet"), client.awaitToolNames(names -> !names.isEmpty()));
        Files.delete(file);
        assertEquals(List.of(), client.awaitToolNames(List::isEmpty));
    }
}
