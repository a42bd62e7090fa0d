package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * A plugin at its concurrency limit makes excess calls wait: a call gets a slot when a running one ends, or fails
 * clearly once the queue timeout has passed; other plugins are unaffected.
 */
class BulkheadIT {
    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void aSaturatedPluginRefusesExcessCallsAndTheOthersStillServe() throws Exception {
        Fixtures.drop("greeter.jar", plugins.path(), "greeter.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(),
                Map.of("MCP_PLUGIN_MAX_CONCURRENT", "2", "MCP_PLUGIN_QUEUE_TIMEOUT", "1"))) {
            McpAsyncClient busy = Clients.async(Clients.http(runtime.endpoint()));
            try (McpSyncClient other = Clients.sync(Clients.http(runtime.endpoint()))) {
                var countdowns = Flux.range(0, 3)
                        .flatMap(i -> busy.callTool(new McpSchema.CallToolRequest("example_countdown",
                                Map.of("seconds", 3))), 3)
                        .collectList()
                        .toFuture();
                Metrics.await(URI.create(runtime.endpoint()), "mcp_tool_calls_running", running -> running == 2,
                        10_000); // the plugin is saturated: the third call waits for a permit
                long start = System.nanoTime();
                assertEquals("Hello, Ann from greeter 1.0.0", Clients.text(Clients.call(other, "greeter_hello",
                        Map.of("name", "Ann"))));
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000,
                        "another plugin answers at once");

                List<McpSchema.CallToolResult> results = countdowns.get();
                List<String> errors = results.stream().filter(McpSchema.CallToolResult::isError)
                        .map(Clients::text).toList();
                assertEquals(1, errors.size(), results.toString());
                assertTrue(errors.get(0).startsWith("Plugin io.mcpruntime.example 0.1.0.SNAPSHOT is busy (2 calls "
                        + "running)"), errors.get(0));
            } finally {
                busy.closeGracefully().block(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void aCallWaitingForItsPluginRunsWhenTheRunningCallEnds() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(),
                Map.of("MCP_PLUGIN_MAX_CONCURRENT", "1", "MCP_PLUGIN_QUEUE_TIMEOUT", "20"))) {
            McpAsyncClient client = Clients.async(Clients.http(runtime.endpoint()));
            try {
                CompletableFuture<Answer> running = countdown(client, 3);
                Metrics.await(URI.create(runtime.endpoint()), "mcp_tool_calls_running", calls -> calls == 1, 10_000);
                CompletableFuture<Answer> waiting = countdown(client, 1);

                Answer first = running.get(30, TimeUnit.SECONDS);
                Answer second = waiting.get(30, TimeUnit.SECONDS);
                assertEquals("Countdown of 3 s finished", first.text());
                assertEquals("Countdown of 1 s finished", second.text(), "the waiting call got the slot");
                assertTrue(second.at() > first.at(), "it ran only once the first call had ended");
            } finally {
                client.closeGracefully().block(Duration.ofSeconds(5));
            }
        }
    }

    /** A call's answer, and when it came (System.nanoTime()). */
    private record Answer(String text, long at) {
    }

    private static CompletableFuture<Answer> countdown(McpAsyncClient client, int seconds) {
        return client.callTool(new McpSchema.CallToolRequest("example_countdown", Map.of("seconds", seconds)))
                .map(result -> new Answer(Clients.text(result), System.nanoTime()))
                .toFuture();
    }
}
