package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.ResourceContents;
import java.util.concurrent.Callable;

/** A resource with a fixed URI; {@code reader} produces its current contents on every read. */
public record ResourceDefinition(String uri, String name, String description, String mimeType,
        Callable<ResourceContents> reader, PluginId owner) implements Feature {

    @Override
    public String key() {
        return "resource:" + uri;
    }
}
