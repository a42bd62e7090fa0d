package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken jars of every kind beside a good one: the kernel stays up, says in one line per file what is wrong, the
 * good one serves.
 */
class BrokenPluginsIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path plugins;

    @Test
    void brokenJarsAreNamedAndTheOthersServe() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        Fixtures.plainJar(plugins.resolve("plain.jar"));
        Fixtures.drop("missing-import.jar", plugins, "missing-import.jar");
        Fixtures.corruptJar(plugins.resolve("corrupt.jar"));
        Fixtures.drop("failing-activator.jar", plugins, "failing-activator.jar");
        Fixtures.drop("failing-component.jar", plugins, "failing-component.jar");

        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins)) {
            String endpoint = runtime.endpoint();
            runtime.awaitStderr(Pattern.compile("Plugin file plain\\.jar is not an OSGi bundle"), LOG_WAIT);
            runtime.awaitStderr(Pattern.compile("Plugin file missing-import\\.jar .* cannot start: missing "
                    + "osgi\\.wiring\\.package .*com\\.fasterxml\\.jackson\\.databind"), LOG_WAIT);
            runtime.awaitStderr(Pattern.compile("Plugin file corrupt\\.jar is not a valid jar"), LOG_WAIT);
            runtime.awaitStderr(Pattern.compile("Plugin file failing-activator\\.jar cannot start: its activator "
                    + "failed: the licence server is unreachable"), LOG_WAIT);

            JsonNode health = JSON.readTree(RawHttp.get(URI.create(endpoint).resolve("/health")).body());
            assertEquals("DEGRADED", health.get("status").asText(), health.toString());
            Map<String, String> problems = new HashMap<>();
            health.get("plugins").forEach(p -> problems.put(p.get("file").asText(), p.path("problem").asText(null)));
            assertEquals("cannot start: its activator failed: the licence server is unreachable",
                    problems.get("failing-activator.jar"));
            assertEquals("component io.mcpruntime.fixtures.FailingTools failed to activate: missing setting api.key",
                    problems.get("failing-component.jar"));
            assertTrue(problems.get("missing-import.jar").contains("com.fasterxml.jackson.databind"));
            assertTrue(problems.get("plain.jar").startsWith("is not an OSGi bundle"));
            assertTrue(problems.get("corrupt.jar").startsWith("is not a valid jar"));
            assertEquals(null, problems.get("example.jar"));

            try (McpSyncClient client = Clients.sync(Clients.http(endpoint))) {
                assertTrue(Clients.pluginToolNames(client).contains("example_echo"));
                Map<?, ?> missing = Clients.pluginStatus(client, "missing-import.jar");
                assertEquals("INSTALLED", missing.get("state"));
                assertTrue(String.valueOf(missing.get("problem")).contains("com.fasterxml.jackson.databind"));
                Map<?, ?> plain = Clients.pluginStatus(client, "plain.jar");
                assertEquals("REJECTED", plain.get("state"));
                assertTrue(String.valueOf(plain.get("problem")).startsWith("is not an OSGi bundle"));
                assertEquals("ACTIVE", Clients.pluginStatus(client, "example.jar").get("state"));
                assertEquals("RESOLVED", Clients.pluginStatus(client, "failing-activator.jar").get("state"));
                assertTrue(String.valueOf(Clients.pluginStatus(client, "failing-component.jar").get("problem"))
                        .endsWith("failed to activate: missing setting api.key"));
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
