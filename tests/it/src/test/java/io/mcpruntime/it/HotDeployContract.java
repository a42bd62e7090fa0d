package io.mcpruntime.it;

import static io.mcpruntime.it.Clients.call;
import static io.mcpruntime.it.Clients.pluginToolNames;
import static io.mcpruntime.it.Clients.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's promise on any transport: a jar dropped into the plugins folder serves its tools to a connected
 * client, a changed jar serves its new version, a removed jar takes its tools away; each time the client is told.
 */
abstract class HotDeployContract {
    private static final Duration NOTICE = Duration.ofSeconds(10);
    private static final Map<String, Object> ANN = Map.of("name", "Ann");

    @TempDir
    Path plugins;

    @TempDir
    Path scratch;

    /** A client connected to a runtime that watches {@code plugins}. */
    abstract McpSyncClient connect(Path plugins, ListChangedRecorder changes) throws Exception;

    @Test
    void droppedReplacedAndRemovedJarChangesTheToolsLive() throws Exception {
        ListChangedRecorder changes = new ListChangedRecorder();
        try (McpSyncClient client = connect(plugins, changes)) {
            assertEquals(List.of(), pluginToolNames(client), "an empty plugins folder serves no tools");

            Fixtures.drop("greeter.jar", plugins, "greeter.jar");
            changes.awaitCount(1, NOTICE);
            assertEquals(List.of("greeter_hello"), pluginToolNames(client));
            assertEquals("Hello, Ann from greeter 1.0.0", text(call(client, "greeter_hello", ANN)));

            Path next = Fixtures.withBundleVersion("greeter.jar", "2.0.0", scratch.resolve("greeter.jar"));
            Files.move(next, plugins.resolve("greeter.jar"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE); // one rename: without it the JDK deletes the old jar first
            changes.awaitCount(2, NOTICE);
            // the notification may precede the new version's registration by a few milliseconds
            Clients.awaitText(client, "greeter_hello", ANN, "Hello, Ann from greeter 2.0.0", NOTICE);

            int beforeRemoval = changes.count();
            Files.delete(plugins.resolve("greeter.jar"));
            changes.awaitCount(beforeRemoval + 1, NOTICE);
            assertFalse(pluginToolNames(client).contains("greeter_hello"));
            McpError gone = assertThrows(McpError.class, () -> call(client, "greeter_hello", ANN));
            assertTrue(gone.getMessage().startsWith("Unknown tool"), gone.getMessage());
            assertTrue(String.valueOf(gone.getJsonRpcError().data()).contains("greeter_hello"));

            List<String> history = Clients.audit(client).stream()
                    .map(entry -> entry.get("action") + " " + entry.get("version") + " " + entry.get("added")
                            + entry.get("removed"))
                    .toList();
            assertEquals(List.of("withdrawn 2.0.0 [][greeter_hello]", "registered 2.0.0 [greeter_hello][]",
                    "withdrawn 1.0.0 [][greeter_hello]", "registered 1.0.0 [greeter_hello][]"), history);
            Map<?, ?> first = Clients.audit(client).get(3);
            assertEquals("greeter.jar", first.get("jar"));
            assertTrue(String.valueOf(first.get("sha256")).matches("[0-9a-f]{64}"), first.toString());
        }
    }
}
