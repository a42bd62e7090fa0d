package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A generated corpus of malformed JSON-RPC bodies, inside and outside a session, plus an oversize body: no 5xx, no
 * stack trace or exception class in any answer, and the server serves normally afterwards.
 */
class MalformedInputIT {
    private static final int CORPUS_SIZE = 1200;
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]+|stackTrace|\\.java:\\d+|io\\.modelcontextprotocol|com\\.fasterxml");
    private static final List<String> VALID = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"example_echo\","
                    + "\"arguments\":{\"message\":\"hi\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":"
                    + "\"ref/prompt\",\"name\":\"example_summarize\"},"
                    + "\"argument\":{\"name\":\"style\",\"value\":\"b\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/read\",\"params\":{\"uri\":\"example://readme\"}}");
    private static final List<String> ODD = List.of("", " ", "null", "[]", "[1,2]", "\"text\"", "42", "{}", "true",
            "{\"jsonrpc\":\"2.0\"}", "{\"id\":{},\"method\":7}", "[" + VALID.get(1) + "," + VALID.get(2) + "]",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":null}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":5}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"x\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"no/such\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\"}", "[".repeat(3000) + "]".repeat(3000));

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void malformedBodiesGetCleanErrorsAndTheServerKeepsServing() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--max-request-bytes", "1048576")) {
            URI endpoint = URI.create(runtime.endpoint());
            String session = RawHttp.initialize(endpoint);

            List<String> failures = new ArrayList<>();
            Random random = new Random(20261121);
            for (int i = 0; i < CORPUS_SIZE; i++) {
                String body = i < ODD.size() ? ODD.get(i) : mutate(VALID.get(random.nextInt(VALID.size())), random);
                HttpResponse<String> answer = RawHttp.send(RawHttp.post(endpoint, i % 2 == 0 ? session : null, body));
                if (answer.statusCode() >= 500 || LEAK.matcher(answer.body()).find()) {
                    failures.add(answer.statusCode() + " for " + abbreviate(body) + " -> " + abbreviate(answer.body()));
                }
            }
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())),
                    failures.size() + " bad answers");

            HttpResponse<String> oversize = RawHttp.send(RawHttp.post(endpoint, session,
                    "{\"x\":\"" + "a".repeat(2_000_000) + "\"}"));
            assertEquals(413, oversize.statusCode());

            HttpResponse<String> discover = RawHttp.send(RawHttp.post(endpoint, null, ODD.get(18)));
            assertTrue(discover.body().contains("-32601"), discover.body());

            try (McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
                assertEquals("fine", Clients.text(Clients.call(client, "example_echo", Map.of("message", "fine"))));
            }
        }
    }

    /** One random corruption: cut, replace, insert or duplicate a piece of a valid message. */
    private static String mutate(String valid, Random random) {
        int at = random.nextInt(valid.length());
        return switch (random.nextInt(6)) {
            case 0 -> valid.substring(0, at);
            case 1 -> valid.substring(0, at) + (char) (random.nextInt(94) + 33) + valid.substring(at + 1);
            case 2 -> valid.substring(0, at) + "\u0000\uFFFD{[\"" + valid.substring(at);
            case 3 -> valid.replace("\"2.0\"", random.nextBoolean() ? "2.0" : "\"3\"");
            case 4 -> valid.replaceFirst(":[^,}]+", ":" + List.of("null", "[]", "{}", "-1e999", "\"\"").get(
                    random.nextInt(5)));
            default -> valid.substring(at) + valid.substring(0, at);
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
