package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In stdio mode stdout carries nothing but protocol, bad input gets a JSON-RPC error, requests out of order or during
 * shutdown are answered at once with one, and EOF ends the process.
 */
class StdioProtocolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECHO_EARLY =
            "{\"name\":\"example_echo\",\"arguments\":{\"message\":\"too early\"}}";
    private static final String ECHO_AFTER =
            "{\"name\":\"example_echo\",\"arguments\":{\"message\":\"after init\"}}";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void stdoutIsProtocolOnlyAndEofExitsCleanly() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins.path())) {
            runtime.send("{\"jsonrpc\":\"2.0\",\"id\":\"early\",\"method\":\"ping\"}",
                    RawHttp.INITIALIZE,
                    RawHttp.INITIALIZED,
                    "this is not json",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"example_echo\","
                            + "\"arguments\":{\"message\":\"over pipes\"}}}");
            runtime.awaitStdout(Pattern.compile("\"id\":2\\b"), Duration.ofSeconds(30)); // answered before EOF
            runtime.closeStdin();
            assertEquals(0, runtime.awaitExit(Duration.ofSeconds(20)), "the server exits when stdin closes");

            List<JsonNode> lines = new ArrayList<>();
            for (String line : runtime.stdout()) {
                JsonNode message = JSON.readTree(line); // fails the test on any non-JSON line
                assertEquals("2.0", message.path("jsonrpc").asText(), line);
                lines.add(message);
            }
            assertEquals("early", lines.get(0).path("id").asText(), "a ping before initialize is answered at once");
            assertTrue(lines.get(0).path("result").isObject(), lines.get(0).toString());
            assertEquals(1, lines.get(1).path("id").asInt(), "then the initialize answer");
            assertTrue(lines.stream().anyMatch(m -> m.path("error").path("code").asInt() == -32700), "parse error");
            assertTrue(lines.stream().anyMatch(m -> m.path("id").asInt() == 2
                    && "over pipes".equals(m.path("result").path("content").path(0).path("text").asText())));
        }
    }

    @Test
    void requestsBeforeInitializeAreRefusedAtOnceAndTheSessionStartsNormallyAfterwards() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins.path())) {
            runtime.send(request("early-list", "tools/list", "{}"),
                    RawHttp.INITIALIZED, // dropped: too early
                    request("early-call", "tools/call", ECHO_EARLY),
                    request("early-ping", "ping", "{}"));
            // no initialize sent yet: each is answered on its own, or the client would hang
            for (String id : List.of("early-list", "early-call")) {
                JsonNode refused = answer(runtime, id);
                assertEquals(-32600, refused.path("error").path("code").asInt(), refused.toString());
                assertTrue(refused.path("error").path("message").asText().contains("initialize"), refused.toString());
            }
            assertTrue(answer(runtime, "early-ping").path("result").isObject(), "ping works before initialize");

            runtime.send(RawHttp.INITIALIZE, RawHttp.INITIALIZED,
                    request("after", "tools/call", ECHO_AFTER));
            assertEquals("after init", answer(runtime, "after").path("result").path("content").path(0).path("text")
                    .asText(), "served once initialized");
            runtime.closeStdin();
            assertEquals(0, runtime.awaitExit(Duration.ofSeconds(20)));
            assertEquals(5, runtime.stdout().size(), "one answer per request, none for the notifications: "
                    + runtime.stdout());
        }
    }

    @Test
    void requestsPipelinedRightBehindInitializeAreServed() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins.path())) {
            List<String> lines = new ArrayList<>(List.of(RawHttp.INITIALIZE,
                    RawHttp.INITIALIZED,
                    request("list", "tools/list", "{}")));
            for (int i = 0; i < 5; i++) {
                lines.add(request("call-" + i, "tools/call", "{\"name\":\"example_echo\",\"arguments\":"
                        + "{\"message\":\"pipelined " + i + "\"}}"));
            }
            runtime.send(lines.toArray(String[]::new)); // one write: all of it arrives while initialize is handled
            assertTrue(answer(runtime, "list").path("result").path("tools").isArray(), "tools/list served");
            for (int i = 0; i < 5; i++) {
                assertEquals("pipelined " + i, answer(runtime, "call-" + i).path("result").path("content").path(0)
                        .path("text").asText());
            }
        }
    }

    @Test
    void whileDrainingNewRequestsAreRefusedRunningCallsFinishAndCancellationStillWorks() throws Exception {
        // a drain long enough that only the cancellation can end the 120 s call within the test's wait
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins.path(), "--admin-port", "0",
                "--shutdown-timeout", "120")) {
            URI health = runtime.health();
            runtime.send(RawHttp.INITIALIZE, RawHttp.INITIALIZED,
                    request("finishing", "tools/call", "{\"name\":\"example_countdown\",\"arguments\":"
                            + "{\"seconds\":5}}"),
                    request("cancelled", "tools/call", "{\"name\":\"example_countdown\",\"arguments\":"
                            + "{\"seconds\":120}}"));
            Metrics.await(health, "mcp_tool_calls_running", calls -> calls == 2, 30_000);

            runtime.terminate();
            Await.until(() -> RawHttp.get(health.resolve("/health/ready")).statusCode(), status -> status == 503,
                    Duration.ofSeconds(30), "draining after SIGTERM");
            runtime.send(request("drain-ping", "ping", "{}"), request("drain-call", "tools/call", ECHO_AFTER));
            for (String id : List.of("drain-ping", "drain-call")) {
                JsonNode refused = answer(runtime, id);
                assertEquals(-32603, refused.path("error").path("code").asInt(), refused.toString());
                assertTrue(refused.path("error").path("message").asText().contains("shutting down"),
                        refused.toString());
            }

            runtime.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                    + "{\"requestId\":\"cancelled\"}}");
            assertEquals("Countdown of 5 s finished", answer(runtime, "finishing").path("result").path("content")
                    .path(0).path("text").asText(), "the running call finishes");
            assertEquals(0, runtime.awaitExit(Duration.ofSeconds(60)),
                    "the cancelled call ended the drain long before its 120 s");
            assertTrue(runtime.stderr().stream().noneMatch(line -> line.contains(" ERROR ")),
                    runtime.stderr().toString());
        }
    }

    private static String request(String id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"params\":" + params
                + "}";
    }

    /** The answer to the request with this (string) id, waiting for it generously. */
    private static JsonNode answer(RuntimeProcess runtime, String id) throws Exception {
        Pattern answer = Pattern.compile("\"id\":\"" + Pattern.quote(id) + "\"");
        runtime.awaitStdout(answer, Duration.ofSeconds(30));
        for (String line : runtime.stdout()) {
            if (answer.matcher(line).find()) {
                return JSON.readTree(line);
            }
        }
        throw new AssertionError("no answer to " + id);
    }
}
