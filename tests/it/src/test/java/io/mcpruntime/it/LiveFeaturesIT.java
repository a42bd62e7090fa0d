package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources and prompts come and go with their plugin, and clients hear of it (list_changed) like for tools. */
class LiveFeaturesIT {
    @TempDir
    Path plugins;

    @Test
    void resourcesAndPromptsFollowTheirPlugin() throws Exception {
        CountDownLatch resourcesArrived = new CountDownLatch(1);
        CountDownLatch promptsArrived = new CountDownLatch(1);
        CountDownLatch resourcesLeft = new CountDownLatch(2);
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins);
                McpSyncClient client = McpClient.sync(Clients.http(runtime.endpoint()))
                        .requestTimeout(Duration.ofSeconds(30))
                        .resourcesChangeConsumer(resources -> {
                            resourcesArrived.countDown();
                            resourcesLeft.countDown();
                        })
                        .promptsChangeConsumer(prompts -> promptsArrived.countDown())
                        .build()) {
            Clients.initialize(client);
            Fixtures.drop("conformance.jar", plugins, "conformance.jar");
            assertTrue(resourcesArrived.await(10, TimeUnit.SECONDS), "resources/list_changed");
            assertTrue(promptsArrived.await(10, TimeUnit.SECONDS), "prompts/list_changed");
            assertTrue(client.listResources().resources().stream()
                    .anyMatch(r -> r.uri().equals("test://static-text")));
            assertTrue(client.listPrompts().prompts().stream()
                    .anyMatch(p -> p.name().equals("test_simple_prompt")));

            Files.delete(plugins.resolve("conformance.jar"));
            assertTrue(resourcesLeft.await(10, TimeUnit.SECONDS), "resources/list_changed on removal");
            assertTrue(client.listResources().resources().isEmpty());
            assertTrue(client.listResourceTemplates().resourceTemplates().isEmpty());
            assertTrue(client.listPrompts().prompts().stream().map(McpSchema.Prompt::name).noneMatch(
                    name -> name.startsWith("test_")));
        }
    }
}
