package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        Process process = new ProcessBuilder("sh", Distribution.launcher().toString(), "--stdio",
                "--plugins", plugins.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(String.join("\n",
                    "{\"jsonrpc\":\"2.0\",\"id\":\"early\",\"method\":\"ping\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "this is not json",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"example_echo\","
                            + "\"arguments\":{\"message\":\"over pipes\"}}}",
                    "").getBytes(StandardCharsets.UTF_8));
            in.flush();
            Thread.sleep(2000);
        }
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                JsonNode message = JSON.readTree(line); // fails the test on any non-JSON line
                assertEquals("2.0", message.path("jsonrpc").asText(), line);
                lines.add(message);
            }
        }
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server exits when stdin closes");
        assertEquals(0, process.exitValue());

        assertEquals("early", lines.get(0).path("id").asText(), "a ping before initialize is answered at once");
        assertTrue(lines.get(0).path("result").isObject(), lines.get(0).toString());
        assertEquals(1, lines.get(1).path("id").asInt(), "then the initialize answer");
        assertTrue(lines.stream().anyMatch(m -> m.path("error").path("code").asInt() == -32700), "parse error");
        assertTrue(lines.stream().anyMatch(m -> m.path("id").asInt() == 2
                && "over pipes".equals(m.path("result").path("content").path(0).path("text").asText())));
    }
}
