package io.mcpruntime.example;

import io.mcpruntime.api.Completion;
import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Prompt;
import io.mcpruntime.api.PromptMessage;
import io.mcpruntime.api.Resource;
import io.mcpruntime.api.ResourceTemplate;
import io.mcpruntime.api.ToolException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** A resource, a resource template, a prompt with arguments and completions for both. */
@Component
public class ExampleResources implements McpPlugin {
    private static final Map<String, String> NOTES = Map.of(
            "welcome", "Welcome to mcp-runtime.",
            "plugins", "Drop a jar into plugins/ and its tools are live.",
            "prompts", "Prompts are templates the user picks in the client.");
    private static final List<String> STYLES = List.of("bullets", "brief", "detailed", "haiku");

    @Resource(uri = "example://readme", description = "What the example plugin shows", mimeType = "text/markdown")
    public String readme() {
        return "# Example plugin\nTools, resources, prompts and completions of mcp-runtime.";
    }

    @ResourceTemplate(uriTemplate = "example://notes/{name}", description = "A note by name")
    public String note(String name) {
        String note = NOTES.get(name);
        if (note == null) {
            throw new ToolException("No note named '" + name + "'; try one of " + NOTES.keySet());
        }
        return note;
    }

    @Completion(resourceTemplate = "example://notes/{name}", argument = "name")
    public List<String> noteNames(String typed) {
        return NOTES.keySet().stream().filter(n -> n.startsWith(typed)).sorted().toList();
    }

    @Prompt(description = "Summarize a text in a chosen style")
    public List<PromptMessage> summarize(@Param(description = "The text to summarize") String text,
            @Param(description = "bullets, brief, detailed or haiku", required = false) String style) {
        return List.of(PromptMessage.user("Summarize the following text"
                + (style == null ? "" : " as " + style) + ":\n\n" + text));
    }

    @Completion(prompt = "summarize", argument = "style")
    public List<String> styles(String typed) {
        return STYLES.stream().filter(s -> s.startsWith(typed)).toList();
    }
}
