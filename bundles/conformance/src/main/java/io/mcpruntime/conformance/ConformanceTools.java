package io.mcpruntime.conformance;

import io.mcpruntime.api.Content;
import io.mcpruntime.api.ElicitResult;
import io.mcpruntime.api.LogLevel;
import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.ResourceContents;
import io.mcpruntime.api.SamplingRequest;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolException;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** The conformance suite's tool fixtures (served as test_*). */
@Component
public class ConformanceTools implements McpPlugin {

    @Tool(name = "simple_text", description = "Returns a simple text response")
    public String simpleText() {
        return "This is a simple text response for testing.";
    }

    @Tool(name = "image_content", description = "Returns an image")
    public Content imageContent() {
        return Content.image(Samples.PNG, "image/png");
    }

    @Tool(name = "audio_content", description = "Returns an audio clip")
    public Content audioContent() {
        return Content.audio(Samples.WAV, "audio/wav");
    }

    @Tool(name = "embedded_resource", description = "Returns an embedded resource")
    public Content embeddedResource() {
        return Content.embedded(ResourceContents.text("test://embedded-resource", "text/plain",
                "This is an embedded resource content."));
    }

    @Tool(name = "multiple_content_types", description = "Returns text, an image and a resource")
    public List<Content> multipleContentTypes() {
        return List.of(Content.text("Multiple content types test:"), Content.image(Samples.PNG, "image/png"),
                Content.embedded(ResourceContents.text("test://mixed-content-resource", "application/json",
                        "{\"test\":\"data\",\"value\":123}")));
    }

    @Tool(name = "tool_with_logging", description = "Sends log messages while it runs")
    public String toolWithLogging(ToolContext context) throws InterruptedException {
        context.log(LogLevel.INFO, "Tool execution started");
        Thread.sleep(50);
        context.log(LogLevel.INFO, "Tool processing data");
        Thread.sleep(50);
        context.log(LogLevel.INFO, "Tool execution completed");
        return "Tool with logging executed successfully";
    }

    @Tool(name = "tool_with_progress", description = "Reports progress while it runs")
    public String toolWithProgress(ToolContext context) throws InterruptedException {
        for (int step = 0; step <= 100; step += 50) {
            context.progress(step, 100.0, "Step " + step);
            Thread.sleep(50);
        }
        return "Progress test completed";
    }

    @Tool(name = "error_handling", description = "Always fails")
    public String errorHandling() {
        throw new ToolException("This tool intentionally returns an error for testing");
    }

    @Tool(name = "sampling", description = "Asks the client's LLM to answer a prompt")
    public String sampling(@Param(description = "The prompt to send") String prompt, ToolContext context) {
        return context.sample(SamplingRequest.of(prompt, 100))
                .map(result -> "LLM response: " + result.text())
                .orElseThrow(() -> new ToolException("The client did not answer the sampling request"));
    }

    @Tool(name = "elicitation", description = "Asks the user for a username and an email")
    public String elicitation(@Param(description = "What to ask the user") String message, ToolContext context) {
        return describe(context.elicit(message, """
                {"type":"object","properties":{
                  "username":{"type":"string","description":"User's response"},
                  "email":{"type":"string","description":"User's email address"}},
                 "required":["username","email"]}"""));
    }

    @Tool(name = "elicitation_sep1034_defaults", description = "Asks for input with default values (SEP-1034)")
    public String elicitationWithDefaults(ToolContext context) {
        return describe(context.elicit("Please review and update the form fields with defaults", """
                {"type":"object","properties":{
                  "name":{"type":"string","description":"User name","default":"John Doe"},
                  "age":{"type":"integer","description":"User age","default":30},
                  "score":{"type":"number","description":"User score","default":95.5},
                  "status":{"type":"string","description":"User status","enum":["active","inactive","pending"],
                            "default":"active"},
                  "verified":{"type":"boolean","description":"Verification status","default":true}}}"""));
    }

    @Tool(name = "elicitation_sep1330_enums", description = "Asks for input with every enum style (SEP-1330)")
    public String elicitationWithEnums(ToolContext context) {
        return describe(context.elicit("Please select options from the enum fields", """
                {"type":"object","properties":{
                  "untitledSingle":{"type":"string","description":"Select one option",
                                    "enum":["option1","option2","option3"]},
                  "titledSingle":{"type":"string","description":"Select one option with titles","oneOf":[
                    {"const":"value1","title":"First Option"},{"const":"value2","title":"Second Option"},
                    {"const":"value3","title":"Third Option"}]},
                  "legacyEnum":{"type":"string","description":"Select one option (legacy)",
                                "enum":["opt1","opt2","opt3"],"enumNames":["Option One","Option Two","Option Three"]},
                  "untitledMulti":{"type":"array","description":"Select multiple options","minItems":1,
                                   "items":{"type":"string","enum":["option1","option2","option3"]}},
                  "titledMulti":{"type":"array","description":"Select multiple options with titles","minItems":1,
                                 "items":{"anyOf":[{"const":"value1","title":"First Choice"},
                                   {"const":"value2","title":"Second Choice"},
                                   {"const":"value3","title":"Third Choice"}]}}},
                 "required":[]}"""));
    }

    private static String describe(ElicitResult result) {
        return "User response: action=" + result.action().name().toLowerCase() + ", content=" + result.content();
    }
}
