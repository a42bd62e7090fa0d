package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin template (templates/plugin), built as a plugin author would build it, serves once dropped. */
class PluginTemplateIT {
    @TempDir
    Path plugins;

    @Test
    void theTemplatesJarServesItsTool() throws Exception {
        ListChangedRecorder changes = new ListChangedRecorder();
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins);
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()), changes)) {
            Fixtures.drop("hello-template.jar", plugins, "hello.jar");
            changes.awaitCount(1, Duration.ofSeconds(10));
            assertEquals("Hello, Ann!", Clients.text(Clients.call(client, "hello_greet", Map.of("name", "Ann"))));
        }
    }
}
