package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notifications/cancelled stops a running call within a second on both transports; deadlines end calls too. */
class CancellationIT {
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String COUNTDOWN = "{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"example_countdown\",\"arguments\":{\"seconds\":30}}}";
    private static final String CANCEL = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
            + "{\"requestId\":77,\"reason\":\"user pressed stop\"}}";

    @TempDir
    Path plugins;

    @BeforeEach
    void examplePlugin() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
    }

    @Test
    void cancellingOverHttpEndsTheCallWithinASecondWithoutAResponse() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins)) {
            URI endpoint = URI.create(runtime.endpoint());
            HttpClient http = HttpClient.newHttpClient();
            String session = RawHttp.initialize(endpoint);
            RawHttp.send(RawHttp.post(endpoint, session, INITIALIZED));

            CompletableFuture<HttpResponse<String>> call = http.sendAsync(RawHttp.post(endpoint, session, COUNTDOWN),
                    HttpResponse.BodyHandlers.ofString());
            Metrics.await(endpoint, "mcp_tool_calls_running", calls -> calls == 1, 10_000);
            long cancelledAt = System.nanoTime();
            assertEquals(202, RawHttp.send(RawHttp.post(endpoint, session, CANCEL)).statusCode());
            HttpResponse<String> ended = call.get(5, TimeUnit.SECONDS);
            long took = Duration.ofNanos(System.nanoTime() - cancelledAt).toMillis();

            assertTrue(took < 1000, "the call ended " + took + " ms after the cancellation");
            assertFalse(ended.body().contains("\"id\":77"), "no response for a cancelled request: " + ended.body());
        }
    }

    @Test
    void cancellingOverStdioEndsTheCallWithoutAResponse() throws Exception {
        Process process = new ProcessBuilder("sh", Distribution.launcher().toString(), "--stdio",
                "--plugins", plugins.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.start();
        try (OutputStream in = process.getOutputStream()) {
            write(in, RawHttp.INITIALIZE, INITIALIZED, COUNTDOWN);
            Thread.sleep(1500);
            write(in, CANCEL);
            Thread.sleep(1000);
            write(in, "{\"jsonrpc\":\"2.0\",\"id\":78,\"method\":\"ping\"}");
            Thread.sleep(500);
        }
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        reader.join(5000);
        synchronized (lines) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"id\":78")), "still answering: " + lines);
            assertFalse(lines.stream().anyMatch(l -> l.contains("\"id\":77")), "no response for 77: " + lines);
        }
    }

    @Test
    void aCallPastItsDeadlineIsCancelledAndReportedAsTimedOut() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_REQUEST_TIMEOUT", "2"));
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()), tools -> { })) {
            long start = System.nanoTime();
            McpSchema.CallToolResult result = Clients.call(client, "example_countdown", Map.of("seconds", 20));
            long took = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertTrue(result.isError());
            assertEquals("Tool 'example_countdown' timed out after 2 s and was cancelled", Clients.text(result));
            assertTrue(took < 6, "took " + took + " s");
        }
    }

    private static void write(OutputStream in, String... messages) throws java.io.IOException {
        for (String message : messages) {
            in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
    }

}
