package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken jars beside a good one: the kernel stays up, says in one line per file what is wrong, the good one serves. */
class BrokenPluginsIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path plugins;

    @Test
    void brokenJarsAreNamedAndTheOthersServe() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        Fixtures.plainJar(plugins.resolve("plain.jar"));
        Fixtures.drop("missing-import.jar", plugins, "missing-import.jar");
        Fixtures.corruptJar(plugins.resolve("corrupt.jar"));

        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins)) {
            String endpoint = runtime.endpoint();
            runtime.awaitStderr(Pattern.compile("Plugin file plain\\.jar is not an OSGi bundle"), LOG_WAIT);
            runtime.awaitStderr(Pattern.compile("Plugin file missing-import\\.jar .* cannot start: missing "
                    + "osgi\\.wiring\\.package .*com\\.fasterxml\\.jackson\\.databind"), LOG_WAIT);
            runtime.awaitStderr(Pattern.compile("Plugin file corrupt\\.jar is not a valid jar"), LOG_WAIT);

            try (McpSyncClient client = Clients.sync(Clients.http(endpoint), tools -> { })) {
                assertTrue(Clients.pluginToolNames(client).contains("example_echo"));
                Map<?, ?> missing = Clients.pluginStatus(client, "missing-import.jar");
                assertEquals("INSTALLED", missing.get("state"));
                assertTrue(String.valueOf(missing.get("problem")).contains("com.fasterxml.jackson.databind"));
                Map<?, ?> plain = Clients.pluginStatus(client, "plain.jar");
                assertEquals("REJECTED", plain.get("state"));
                assertTrue(String.valueOf(plain.get("problem")).startsWith("is not an OSGi bundle"));
                assertEquals("ACTIVE", Clients.pluginStatus(client, "example.jar").get("state"));
                assertEquals("still here", Clients.text(Clients.call(client, "example_echo",
                        Map.of("message", "still here"))));

                Fixtures.plainJar(plugins.resolve("late.jar"));
                runtime.awaitStderr(Pattern.compile("Plugin file late\\.jar is not an OSGi bundle"), LOG_WAIT);
                assertEquals("and now", Clients.text(Clients.call(client, "example_echo",
                        Map.of("message", "and now"))));
            }
            assertTrue(runtime.isAlive());
            assertEquals(1, runtime.stderr().stream().filter(l -> l.contains("plain.jar is not")).count(),
                    "one line per broken file");
        }
    }
}
