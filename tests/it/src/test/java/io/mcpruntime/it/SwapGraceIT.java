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
 * {@code --swap-grace-ms}: while a plugin is being replaced (its jar changed in place, which FileInstall applies as a
 * bundle update), its tool stays listed and callable for the grace; a replacement that brings the tool back swaps in
 * without the tool ever leaving the list, one that does not takes it away once the grace is over. A deleted jar is no
 * replacement: its tool is announced gone at once, not after the grace.
 */
class SwapGraceIT {
    /** Twice the default (3 s), so that it is the flag that holds the tool. */
    private static final Duration GRACE = Duration.ofSeconds(6);

    @TempDir
    Path plugins;

    @TempDir
    Path scratch;

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
    void aDeletedJarsToolIsAnnouncedGoneWithoutWaitingForTheGrace() throws Exception {
        Files.delete(plugins.resolve("greeter.jar"));
        Instant withdrawn = awaitWithdrawn();
        changes.awaitCount(1, GRACE.plusSeconds(20));
        ListChangedRecorder.Notice removal = changes.notices().get(0);
        Duration after = Duration.between(withdrawn, removal.at());
        assertTrue(after.compareTo(GRACE.dividedBy(2)) < 0, "announced " + after.toMillis()
                + " ms after the plugin was withdrawn");
        assertFalse(removal.tools().contains("greeter_hello"), removal.tools().toString());
        assertEquals(List.of(), Clients.pluginToolNames(client));
    }

    @Test
    void aReplacementSwapsWithoutTheToolLeavingTheList() throws Exception {
        Path next = Fixtures.withBundleVersion("greeter.jar", "2.0.0", scratch.resolve("greeter.jar"));
        Instant replaced = Instant.now();
        Files.move(next, plugins.resolve("greeter.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Clients.awaitText(client, "greeter_hello", Map.of("name", "Ann"), "Hello, Ann from greeter 2.0.0", GRACE);

        Instant graceOver = replaced.plus(GRACE).plusSeconds(1);
        while (Instant.now().isBefore(graceOver)) { // watch the list until a removal's grace would have passed
            assertEquals(List.of("greeter_hello"), Clients.pluginToolNames(client));
        }
        changes.awaitCount(1, GRACE);
        changes.notices().forEach(notice -> assertTrue(notice.tools().contains("greeter_hello"),
                "a notification without the tool: " + notice));
    }

    @Test
    void aReplacementWithoutTheToolTakesItAwayOnlyAfterTheGrace() throws Exception {
        // the new jar cannot resolve, so the updated bundle never starts and the tool never comes back
        Files.copy(Fixtures.file("missing-import.jar"), scratch.resolve("greeter.jar"));
        Files.move(scratch.resolve("greeter.jar"), plugins.resolve("greeter.jar"),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Instant withdrawn = awaitWithdrawn();
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

    /** Returns when the kernel's audit trail says it withdrew the greeter's tool. */
    private Instant awaitWithdrawn() throws Exception {
        Map<?, ?> entry = Await.until(() -> Clients.audit(client).stream()
                        .filter(e -> "withdrawn".equals(e.get("action"))).findFirst(), Optional::isPresent,
                Duration.ofSeconds(30), "the greeter withdrawn").orElseThrow();
        return Instant.parse((String) entry.get("at"));
    }
}
