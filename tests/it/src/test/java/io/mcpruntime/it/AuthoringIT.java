package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The authoring model as a client sees it: the example plugin (which shows every feature) in the distribution,
 * started as a process, used over Streamable HTTP by the SDK's client with sampling, elicitation and roots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthoringIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeProcess runtime;
    private McpSyncClient client;
    private final List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
    private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    private final List<String> samplingQuestions = new CopyOnWriteArrayList<>();
    private final List<String> elicitations = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Path plugins = Files.createTempDirectory("authoring-plugins");
        Fixtures.drop("example.jar", plugins, "example.jar");
        runtime = RuntimeProcess.startHttp(plugins);
        client = McpClient.sync(Clients.http(runtime.endpoint()))
                .requestTimeout(Duration.ofSeconds(30))
                .capabilities(McpSchema.ClientCapabilities.builder().sampling().elicitation().roots(true).build())
                .roots(new McpSchema.Root("file:///work/project", "project"))
                .sampling(request -> {
                    samplingQuestions.add(((McpSchema.TextContent) request.messages().get(0).content()).text());
                    return new McpSchema.CreateMessageResult(McpSchema.Role.ASSISTANT,
                            new McpSchema.TextContent("42"), "test-model",
                            McpSchema.CreateMessageResult.StopReason.END_TURN);
                })
                .elicitation(request -> {
                    elicitations.add(request.message());
                    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true));
                })
                .loggingConsumer(logs::add)
                .progressConsumer(progress::add)
                .build();
        client.initialize();
    }

    @AfterAll
    void stop() throws InterruptedException {
        client.close();
        runtime.close();
    }

    private JsonNode inputSchema(String tool) {
        return JSON.valueToTree(tool(tool).inputSchema());
    }

    private McpSchema.Tool tool(String name) {
        return client.listTools().tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return Clients.call(client, tool, arguments);
    }

    @Test
    void inputSchemasAreInferredFromJavaTypesWithTheirConstraints() throws Exception {
        JsonNode search = inputSchema("example_search");
        JsonNode query = search.at("/properties/query");
        assertEquals(JSON.readTree("""
                {"type":"integer","format":"int32","description":"Most results to return","minimum":1,"maximum":50}"""),
                query.at("/properties/limit"));
        assertEquals(JSON.readTree("""
                {"type":"string","description":"Words to look for","minLength":1}"""), query.at("/properties/text"));
        assertEquals("date", query.at("/properties/since/format").asText());
        assertEquals(JSON.readTree("{\"type\":\"string\"}"), query.at("/properties/filters/additionalProperties"));
        assertEquals(JSON.readTree("{\"type\":\"string\"}"), query.at("/properties/tags/items"));
        assertEquals(JSON.readTree("[\"limit\",\"text\"]"), query.get("required"));
        assertEquals(JSON.readTree("[\"relevance\",\"newest\",\"oldest\"]"), search.at("/properties/order/enum"));
        assertEquals("relevance", search.at("/properties/order/default").asText());
        assertEquals("boolean", search.at("/properties/verbose/type").asText());
        assertEquals(JSON.readTree("[\"query\"]"), search.get("required"), "defaults and Optionals are optional");
        assertEquals(JSON.readTree("{\"type\":\"array\",\"items\":{\"type\":\"number\",\"format\":\"double\"},"
                + "\"description\":\"The numbers\",\"minItems\":1}"),
                inputSchema("example_stats").at("/properties/values"));
        assertEquals("integer", inputSchema("example_random").at("/properties/min/type").asText(),
                "a programmatic tool keeps the schema its plugin wrote");
    }

    @Test
    void recordResultsAreStructuredContentWithAnOutputSchema() throws Exception {
        Map<String, Object> output = tool("example_stats").outputSchema();
        assertEquals("object", output.get("type"));
        assertEquals(Set.of("count", "min", "max", "mean"), ((Map<?, ?>) output.get("properties")).keySet());
        McpSchema.CallToolResult result = call("example_stats", Map.of("values", List.of(1, 2, 3)));
        assertEquals(Map.of("count", 3, "min", 1.0, "max", 3.0, "mean", 2.0), result.structuredContent());
        assertEquals(JSON.valueToTree(result.structuredContent()), JSON.readTree(Clients.text(result)));
        assertTrue(tool("example_stats").annotations().readOnlyHint());
    }

    @Test
    void everyContentTypeReachesTheClient() {
        List<McpSchema.Content> content = call("example_media", Map.of()).content();
        assertInstanceOf(McpSchema.TextContent.class, content.get(0));
        McpSchema.ImageContent image = assertInstanceOf(McpSchema.ImageContent.class, content.get(1));
        assertEquals("image/png", image.mimeType());
        assertTrue(image.data().startsWith("iVBORw0KGgo"), "base64 PNG");
        assertEquals("audio/wav", assertInstanceOf(McpSchema.AudioContent.class, content.get(2)).mimeType());
        assertEquals("example://readme", assertInstanceOf(McpSchema.ResourceLink.class, content.get(3)).uri());
        McpSchema.EmbeddedResource embedded = assertInstanceOf(McpSchema.EmbeddedResource.class, content.get(4));
        assertEquals("An inline note", ((McpSchema.TextResourceContents) embedded.resource()).text());
    }

    @Test
    void logMessagesAndProgressReachTheClient() throws InterruptedException {
        client.setLoggingLevel(McpSchema.LoggingLevel.INFO);
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("example_countdown",
                Map.of("seconds", 2), Map.of("progressToken", "countdown-1")));
        assertEquals("Countdown of 2 s finished", Clients.text(result));
        // the server writes every notification before the result; the client hands them to consumers on its
        // own threads, so the last one may be consumed just after the result
        List<McpSchema.ProgressNotification> ours = List.of();
        for (int i = 0; i < 50 && ours.size() < 3; i++) {
            Thread.sleep(20);
            ours = progress.stream().filter(p -> "countdown-1".equals(p.progressToken())).toList();
        }
        assertEquals(List.of(0.0, 1.0, 2.0), ours.stream().map(McpSchema.ProgressNotification::progress).toList());
        assertEquals(2.0, ours.get(0).total());
        assertTrue(logs.stream().anyMatch(l -> l.level() == McpSchema.LoggingLevel.INFO
                && "Counting down from 2".equals(l.data()) && "example".equals(l.logger())), logs.toString());
    }

    @Test
    void samplingRoundTripsThroughTheClient() {
        String answer = Clients.text(call("example_ask_llm", Map.of("question", "What is 6 x 7?")));
        assertEquals("The client's model (test-model) says: 42", answer);
        assertTrue(samplingQuestions.contains("What is 6 x 7?"));
    }

    @Test
    void elicitationRoundTripsThroughTheClient() {
        assertEquals("Confirmed: deploy", Clients.text(call("example_confirm", Map.of("action", "deploy"))));
        assertTrue(elicitations.contains("Do you want to deploy?"));
    }

    @Test
    void toolsSeeTheClientAndItsRoots() {
        String whoami = Clients.text(call("example_whoami", Map.of()));
        assertTrue(whoami.contains("sampling true, elicitation true, roots true"), whoami);
        assertTrue(whoami.contains("file:///work/project"), whoami);
    }

    @Test
    void stringifiedObjectAndArrayArgumentsAreRepairedButStringsAreNot() {
        McpSchema.CallToolResult search = call("example_search",
                Map.of("query", "{\"text\":\"bugs\",\"limit\":5,\"tags\":\"[\\\"ui\\\"]\"}"));
        assertFalse(search.isError(), Clients.text(search));
        assertTrue(Clients.text(search).startsWith("Searching 'bugs' (limit 5, order relevance, filters {}, tags [ui]"),
                Clients.text(search));
        assertEquals(3, ((Map<?, ?>) call("example_stats", Map.of("values", "[1, 2, 3]")).structuredContent())
                .get("count"));
        assertEquals("{\"a\":1}", Clients.text(call("example_echo", Map.of("message", "{\"a\":1}"))),
                "a string parameter is never decoded");
    }

    @Test
    void invalidArgumentsGiveAnErrorResultNamingTheField() {
        McpSchema.CallToolResult wrongType = call("example_countdown", Map.of("seconds", "soon"));
        assertTrue(wrongType.isError());
        assertEquals("Invalid arguments for tool 'example_countdown': /seconds: string found, integer expected",
                Clients.text(wrongType));
        McpSchema.CallToolResult tooSmall = call("example_countdown", Map.of("seconds", 0));
        assertTrue(tooSmall.isError());
        assertTrue(Clients.text(tooSmall).contains("/seconds"), Clients.text(tooSmall));
        McpSchema.CallToolResult missing = call("example_echo", Map.of());
        assertTrue(missing.isError());
        assertTrue(Clients.text(missing).contains("message"), Clients.text(missing));
        assertEquals("Invalid arguments for tool 'example_echo': required property 'message' not found",
                Clients.text(missing));
    }

    @Test
    void programmaticToolsServeWithTheirOwnSchema() {
        assertEquals("5", Clients.text(call("example_random", Map.of("min", 5, "max", 5))));
        assertTrue(call("example_random", Map.of("min", 9, "max", 1)).isError());
    }

    @Test
    void resourcesAndTemplatesAreRead() {
        assertTrue(client.listResources().resources().stream().anyMatch(r -> r.uri().equals("example://readme")));
        assertTrue(client.listResourceTemplates().resourceTemplates().stream()
                .anyMatch(t -> t.uriTemplate().equals("example://notes/{name}")));
        McpSchema.TextResourceContents readme = (McpSchema.TextResourceContents) client
                .readResource(new McpSchema.ReadResourceRequest("example://readme")).contents().get(0);
        assertEquals("text/markdown", readme.mimeType());
        assertTrue(readme.text().startsWith("# Example plugin"));
        McpSchema.TextResourceContents note = (McpSchema.TextResourceContents) client
                .readResource(new McpSchema.ReadResourceRequest("example://notes/welcome")).contents().get(0);
        assertEquals("Welcome to mcp-runtime.", note.text());
        McpError missing = assertThrows(McpError.class,
                () -> client.readResource(new McpSchema.ReadResourceRequest("example://notes/nope")));
        assertTrue(missing.getMessage().startsWith("No note named 'nope'"), missing.getMessage());
    }

    @Test
    void promptsRenderWithArguments() {
        McpSchema.Prompt summarize = client.listPrompts().prompts().stream()
                .filter(p -> p.name().equals("example_summarize")).findFirst().orElseThrow();
        assertEquals(List.of("text", "style"), summarize.arguments().stream().map(McpSchema.PromptArgument::name)
                .toList());
        assertEquals(List.of(true, false), summarize.arguments().stream().map(McpSchema.PromptArgument::required)
                .toList());
        McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("example_summarize",
                Map.of("text", "MCP is a protocol.", "style", "haiku")));
        assertEquals("Summarize the following text as haiku:\n\nMCP is a protocol.",
                ((McpSchema.TextContent) prompt.messages().get(0).content()).text());
    }

    @Test
    void completionsComeFromThePlugin() {
        McpSchema.CompleteResult styles = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("example_summarize"),
                new McpSchema.CompleteRequest.CompleteArgument("style", "b")));
        assertEquals(List.of("bullets", "brief"), styles.completion().values());
        McpSchema.CompleteResult notes = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("example://notes/{name}"),
                new McpSchema.CompleteRequest.CompleteArgument("name", "p")));
        assertEquals(List.of("plugins", "prompts"), notes.completion().values());
    }
}
