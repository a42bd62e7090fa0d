package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Everything an {@code McpPlugin} component contributes: its tools, resources, templates, prompts and completions. */
public final class ComponentScanner {
    private final AnnotatedToolScanner tools;
    private final AnnotatedResourceScanner resources = new AnnotatedResourceScanner();
    private final AnnotatedPromptScanner prompts = new AnnotatedPromptScanner();

    public ComponentScanner(ObjectMapper mapper) {
        this.tools = new AnnotatedToolScanner(mapper);
    }

    public List<Feature> scan(Object component, PluginId owner) {
        List<Feature> features = new ArrayList<>(tools.scan(component, owner));
        features.addAll(resources.resources(component, owner));
        features.addAll(resources.templates(component, owner));
        features.addAll(prompts.prompts(component, owner));
        features.addAll(prompts.completions(component, owner));
        return features;
    }
}
