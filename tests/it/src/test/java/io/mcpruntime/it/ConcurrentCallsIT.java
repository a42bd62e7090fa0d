package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * 32 calls in flight at once all complete, over stdio (where the SDK's own transport stalls at about ten) and over
 * HTTP. Each call takes two seconds, so calls that were queued one behind the other would take over a minute.
 */
class ConcurrentCallsIT {
    private static final int IN_FLIGHT = 32;
    private static final Duration SERIAL_WOULD_TAKE = Duration.ofSeconds(2L * IN_FLIGHT);

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void thirtyTwoConcurrentCallsOverStdio() throws Exception {
        assertAllComplete(Clients.stdio(plugins.path()));
    }

    @Test
    void thirtyTwoConcurrentCallsOverHttp() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path())) {
            assertAllComplete(Clients.http(runtime.endpoint()));
        }
    }

    private static void assertAllComplete(McpClientTransport transport) {
        McpAsyncClient client = Clients.async(transport);
        try {
            long start = System.nanoTime();
            List<McpSchema.CallToolResult> results = Flux.range(0, IN_FLIGHT)
                    .flatMap(i -> client.callTool(new McpSchema.CallToolRequest("example_countdown",
                            Map.of("seconds", 2))), IN_FLIGHT)
                    .collectList()
                    .block(SERIAL_WOULD_TAKE);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(IN_FLIGHT, results.size());
            results.forEach(r -> assertEquals("Countdown of 2 s finished", Clients.text(r)));
            assertTrue(took.compareTo(SERIAL_WOULD_TAKE.dividedBy(2)) < 0,
                    "calls ran one after another (" + took + "), not concurrently");
        } finally {
            client.closeGracefully().block(Duration.ofSeconds(10));
        }
    }
}
