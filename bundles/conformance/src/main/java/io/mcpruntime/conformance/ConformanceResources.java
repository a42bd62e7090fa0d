package io.mcpruntime.conformance;

import io.mcpruntime.api.Completion;
import io.mcpruntime.api.Content;
import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Prompt;
import io.mcpruntime.api.PromptMessage;
import io.mcpruntime.api.Resource;
import io.mcpruntime.api.ResourceContents;
import io.mcpruntime.api.ResourceTemplate;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** The conformance suite's resource, template, prompt and completion fixtures. */
@Component
public class ConformanceResources implements McpPlugin {

    @Resource(uri = "test://static-text", name = "static-text", description = "A static text resource")
    public String staticText() {
        return "This is the content of the static text resource.";
    }

    @Resource(uri = "test://static-binary", name = "static-binary", description = "A static binary resource",
            mimeType = "image/png")
    public byte[] staticBinary() {
        return Samples.PNG;
    }

    @Resource(uri = "test://watched-resource", name = "watched-resource", description = "A resource to subscribe to")
    public String watched() {
        return "Watched resource content";
    }

    @ResourceTemplate(uriTemplate = "test://template/{id}/data", name = "template-data",
            description = "Data for an id", mimeType = "application/json")
    public String templateData(String id) {
        return "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
    }

    @Prompt(name = "simple_prompt", description = "A simple prompt without arguments")
    public String simplePrompt() {
        return "This is a simple prompt for testing.";
    }

    @Prompt(name = "prompt_with_arguments", description = "A prompt with two arguments")
    public String promptWithArguments(@Param(description = "First argument") String arg1,
            @Param(description = "Second argument") String arg2) {
        return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
    }

    @Completion(prompt = "prompt_with_arguments", argument = "arg1")
    public List<String> completeArg1(String typed) {
        return List.of("paris", "park", "party", "test").stream().filter(v -> v.startsWith(typed)).toList();
    }

    @Prompt(name = "prompt_with_embedded_resource", description = "A prompt that embeds a resource")
    public List<PromptMessage> promptWithEmbeddedResource(@Param(description = "URI of the resource to embed")
            String resourceUri) {
        return List.of(new PromptMessage(PromptMessage.Role.USER, Content.embedded(ResourceContents.text(
                        resourceUri, "text/plain", "Embedded resource content for testing."))),
                PromptMessage.user("Please process the embedded resource above."));
    }

    @Prompt(name = "prompt_with_image", description = "A prompt that includes an image")
    public List<PromptMessage> promptWithImage() {
        return List.of(new PromptMessage(PromptMessage.Role.USER, Content.image(Samples.PNG, "image/png")),
                PromptMessage.user("Please analyze the image above."));
    }
}
