package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In stdio mode stdout carries nothing but protocol, bad input gets a JSON-RPC error, and EOF ends the process. */
class StdioProtocolIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path plugins;

    @Test
    void stdoutIsProtocolOnlyAndEofExitsCleanly() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins)) {
            runtime.send("{\"jsonrpc\":\"2.0\",\"id\":\"early\",\"method\":\"ping\"}",
                    RawHttp.INITIALIZE,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
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
}
