package io.mcpruntime.example;

import io.mcpruntime.api.ClientInfo;
import io.mcpruntime.api.Content;
import io.mcpruntime.api.ElicitResult;
import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.ResourceContents;
import io.mcpruntime.api.SamplingRequest;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** Tools that talk back to the client: sampling, elicitation, client info and roots, rich content. */
@Component
public class ExampleClientTools implements McpPlugin {
    private static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    @Tool(name = "ask_llm", description = "Asks the client's LLM a question (MCP sampling) and returns its answer.")
    public String askLlm(@Param(description = "The question") String question, ToolContext context) {
        return context.sample(SamplingRequest.of(question, 200))
                .map(answer -> "The client's model (" + answer.model() + ") says: " + answer.text())
                .orElse("The client cannot answer sampling requests.");
    }

    @Tool(description = "Asks the user to confirm an action (MCP elicitation).")
    public String confirm(@Param(description = "What the user is asked to confirm") String action,
            ToolContext context) {
        ElicitResult answer = context.elicit("Do you want to " + action + "?", """
                {"type":"object","properties":{"confirm":{"type":"boolean","description":"Go ahead?"},
                 "reason":{"type":"string","description":"Why (optional)"}},"required":["confirm"]}""");
        return switch (answer.action()) {
            case ACCEPT -> Boolean.TRUE.equals(answer.content().get("confirm"))
                    ? "Confirmed: " + action : "Not confirmed: " + action;
            case DECLINE -> "The user declined to answer.";
            case CANCEL -> "The question was cancelled or the client cannot ask it.";
        };
    }

    @Tool(description = "Says who is calling: client name and version, capabilities and roots.", readOnly = true,
            openWorld = false)
    public String whoami(ToolContext context) {
        ClientInfo client = context.client();
        return client.name() + " " + client.version() + " (sampling " + client.sampling() + ", elicitation "
                + client.elicitation() + ", roots " + client.roots() + ") roots " + context.roots();
    }

    @Tool(description = "Returns one item of each content type: text, image, audio, resource link, embedded "
            + "resource.", readOnly = true, openWorld = false)
    public ToolResult media() {
        return new ToolResult(List.of(
                Content.text("One of each:"),
                Content.image(PIXEL, "image/png"),
                Content.audio("RIFF".getBytes(StandardCharsets.US_ASCII), "audio/wav"),
                Content.link("example://readme", "readme", "The example plugin's readme", "text/markdown"),
                Content.embedded(ResourceContents.text("example://notes/inline", "text/plain", "An inline note"))),
                null, false);
    }
}
