package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --stateless}: every POST stands alone (what a load balancer in front of several servers needs), the SDK's
 * own client works against it, plugins still come and go, and the kernel's completions and guards still apply.
 */
class StatelessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECHO = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"example_echo\",\"arguments\":{\"message\":\"no session\"}}}";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}";
    private static final String COMPLETE = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"completion/complete\","
            + "\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"example_summarize\"},"
            + "\"argument\":{\"name\":\"style\",\"value\":\"ha\"}}}";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void eachRequestStandsAloneAndPluginsStillComeAndGo() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--stateless")) {
            URI endpoint = URI.create(runtime.endpoint());

            HttpResponse<String> initialized = RawHttp.send(RawHttp.post(endpoint, null, RawHttp.INITIALIZE));
            assertEquals(200, initialized.statusCode(), initialized.body());
            assertFalse(initialized.headers().firstValue("Mcp-Session-Id").isPresent(), "no session is made");
            JsonNode capabilities = JSON.readTree(initialized.body()).at("/result/capabilities");
            assertFalse(capabilities.at("/tools/listChanged").asBoolean(true), "nothing can be announced");

            // no initialize on this "node": a call is answered on its own, as JSON
            HttpResponse<String> echoed = RawHttp.send(RawHttp.post(endpoint, null, ECHO));
            assertEquals(200, echoed.statusCode(), echoed.body());
            assertEquals("no session", JSON.readTree(echoed.body()).at("/result/content/0/text").asText());
            // written whole, with its length: a proxy never passes on half an answer of a kernel killed mid-write
            assertEquals(String.valueOf(echoed.body().getBytes(StandardCharsets.UTF_8).length),
                    echoed.headers().firstValue("Content-Length").orElse("chunked"), "the answer's length");

            JsonNode completion = JSON.readTree(RawHttp.send(RawHttp.post(endpoint, null, COMPLETE)).body());
            assertEquals("haiku", completion.at("/result/completion/values/0").asText(), completion.toString());

            Fixtures.drop("greeter.jar", plugins.path(), "greeter.jar");
            awaitTools(endpoint, names -> names.contains("greeter_hello"),
                    "a dropped plugin serves from the next request");
            try (McpSyncClient client = Clients.sync(Clients.http(endpoint.toString()))) {
                McpSchema.CallToolResult hello = Clients.call(client, "greeter_hello", Map.of("name", "Ann"));
                assertEquals("Hello, Ann from greeter 1.0.0", Clients.text(hello));
                McpSchema.CallToolResult countdown = Clients.call(client, "example_countdown", Map.of("seconds", 1));
                assertEquals("Countdown of 1 s finished", Clients.text(countdown), "log and progress go nowhere");
            }
            Files.delete(plugins.path().resolve("greeter.jar"));
            awaitTools(endpoint, names -> !names.contains("greeter_hello"), "a removed plugin is gone");

            HttpResponse<String> foreign = RawHttp.send(RawHttp.post(endpoint, ECHO,
                    Map.of("Origin", "https://evil.example")));
            assertEquals(403, foreign.statusCode(), "the Origin guard holds without sessions too");
            HttpResponse<String> broken = RawHttp.send(RawHttp.post(endpoint, null, "{\"jsonrpc\":"));
            assertNotEquals(500, broken.statusCode(), broken.body());
            assertFalse(broken.body().contains("Exception"), broken.body());
        }
    }

    /** Lists the tools (each time a request of its own) until they are as wanted. */
    private static void awaitTools(URI endpoint, Predicate<List<String>> wanted, String what) throws Exception {
        Await.until(() -> JSON.readTree(RawHttp.send(RawHttp.post(endpoint, null, LIST)).body()).at("/result/tools")
                .findValuesAsText("name"), wanted, Duration.ofSeconds(10), what);
    }
}
