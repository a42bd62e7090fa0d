package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.ResourceContents;
import java.util.Map;

/** A family of resources under a URI template; {@code reader} gets the template variables and the full URI. */
public record ResourceTemplateDefinition(String uriTemplate, String name, String description, String mimeType,
        Reader reader, PluginId owner) implements Feature {

    @Override
    public String key() {
        return "template:" + uriTemplate;
    }

    /** Reads one resource of the family. */
    @FunctionalInterface
    public interface Reader {
        ResourceContents read(String uri, Map<String, String> variables) throws Exception;
    }
}
