package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * {@code --client-request-timeout}: a sampling or elicitation request the client never answers ends after that
 * timeout, and the tool gets "no answer" (an empty sample, a cancelled elicitation) and finishes its call.
 */
class ClientRequestTimeoutIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Far below the default (300 s): only the flag can end the requests in time. */
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    private final List<String> asked = new CopyOnWriteArrayList<>();

    @Test
    void anUnansweredSamplingOrElicitationRequestEndsAfterTheTimeoutAsNoAnswer() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(),
                "--client-request-timeout", Long.toString(TIMEOUT.toSeconds()))) {
            McpAsyncClient client = McpClient.async(Clients.http(runtime.endpoint()))
                    .requestTimeout(CALL_LIMIT.multipliedBy(2))
                    .capabilities(McpSchema.ClientCapabilities.builder().sampling().elicitation().build())
                    .sampling(request -> neverAnswered("sampling"))
                    .elicitation(request -> neverAnswered("elicitation"))
                    .build();
            try {
                client.initialize().block(CALL_LIMIT);
                assertAnsweredAfterTheTimeout(client, "example_ask_llm", Map.of("question", "What is 6 x 7?"),
                        "The client cannot answer sampling requests.");
                assertAnsweredAfterTheTimeout(client, "example_confirm", Map.of("action", "deploy"),
                        "The question was cancelled or the client cannot ask it.");
                assertEquals(List.of("sampling", "elicitation"), asked, "each request reached the client");
            } finally {
                client.closeGracefully().block(CALL_LIMIT);
            }
        }
    }

    private <T> Mono<T> neverAnswered(String request) {
        asked.add(request);
        return Mono.never();
    }

    private static void assertAnsweredAfterTheTimeout(McpAsyncClient client, String tool, Map<String, Object> arguments,
            String expected) {
        long start = System.nanoTime();
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments))
                .block(CALL_LIMIT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(expected, Clients.text(result));
        assertTrue(took.compareTo(TIMEOUT) >= 0, tool + " answered after " + took.toMillis() + " ms");
    }
}
