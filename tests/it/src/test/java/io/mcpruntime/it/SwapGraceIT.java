package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --swap-grace-ms}: a removed plugin's tool stays listed for the grace and clients hear of its removal only
 * then; a replacement that comes within the grace swaps in without the tool ever leaving the list.
 */
class SwapGraceIT {
    /** Twice the default (3 s), so that it is the flag that holds the tool. */
    private static final Duration GRACE = Duration.ofSeconds(6);

    @TempDir
    Path plugins;

    private final ListChangedRecorder changes = new ListChangedRecorder();
    private RuntimeProcess runtime;
    private McpSyncClient client;

    @BeforeEach
    void start() throws Exception {
        Fixtures.drop("greeter.jar", plugins, "greeter.jar");
        runtime = RuntimeProcess.startHttp(plugins, "--swap-grace-ms", Long.toString(GRACE.toMillis()));
        client = Clients.sync(Clients.http(runtime.endpoint()), changes);
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        runtime.close();
    }

    @Test
    void aRemovedToolStaysListedAndIsAnnouncedGoneOnlyAfterTheGrace() throws Exception {
        Instant withdrawn = removeGreeter();
        assertEquals(List.of("greeter_hello"), Clients.pluginToolNames(client), "listed during the grace");
        assertEquals(0, changes.count(), "nothing announced during the grace");

        changes.awaitCount(1, GRACE.plusSeconds(20));
        ListChangedRecorder.Notice removal = changes.notices().get(0);
        Duration after = Duration.between(withdrawn, removal.at());
        assertTrue(after.compareTo(GRACE.minusMillis(500)) >= 0, "announced " + after.toMillis()
                + " ms after the plugin was withdrawn");
        assertFalse(removal.tools().contains("greeter_hello"), removal.tools().toString());
        assertEquals(List.of(), Clients.pluginToolNames(client));
    }

    @Test
    void aReplacementWithinTheGraceSwapsWithoutTheToolLeavingTheList(@TempDir Path scratch) throws Exception {
        Instant withdrawn = removeGreeter();
        Path next = Fixtures.withBundleVersion("greeter.jar", "2.0.0", scratch.resolve("greeter.jar"));
        Files.move(next, plugins.resolve("greeter.jar"), StandardCopyOption.REPLACE_EXISTING);
        // a call made while no version is registered waits for the replacement
        Clients.awaitText(client, "greeter_hello", Map.of("name", "Ann"), "Hello, Ann from greeter 2.0.0", GRACE);

        Instant graceOver = withdrawn.plus(GRACE).plusSeconds(1);
        while (Instant.now().isBefore(graceOver)) { // watch the list until the removal's grace has passed
            assertEquals(List.of("greeter_hello"), Clients.pluginToolNames(client));
        }
        changes.awaitCount(1, GRACE);
        changes.notices().forEach(notice -> assertTrue(notice.tools().contains("greeter_hello"),
                "a notification without the tool: " + notice));
    }

    /** Deletes the greeter's jar; returns when the kernel's audit trail says it withdrew the tool: the grace starts. */
    private Instant removeGreeter() throws Exception {
        Files.delete(plugins.resolve("greeter.jar"));
        Map<?, ?> entry = Await.until(() -> Clients.audit(client).stream()
                        .filter(e -> "withdrawn".equals(e.get("action"))).findFirst(), Optional::isPresent,
                Duration.ofSeconds(30), "the greeter withdrawn").orElseThrow();
        return Instant.parse((String) entry.get("at"));
    }
}
