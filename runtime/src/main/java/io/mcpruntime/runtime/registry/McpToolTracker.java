package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.McpTool;
import io.mcpruntime.api.ToolSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;

/** Follows programmatic {@link McpTool} services: one tool each, with the JSON schemas the plugin wrote. */
public final class McpToolTracker extends WhiteboardTracker<McpTool> {
    private final ObjectMapper mapper;
    private final ResultMapper results;

    public McpToolTracker(BundleContext context, FeatureCatalog catalog, ObjectMapper mapper, PluginGates gates,
            Duration drainTimeout, AuditTrail audit) {
        super(context, McpTool.class, catalog, gates, drainTimeout, audit);
        this.mapper = mapper;
        this.results = new ResultMapper(mapper);
    }

    @Override
    List<ToolDefinition> featuresOf(McpTool tool, PluginId owner) {
        return List.of(define(tool, owner));
    }

    private ToolDefinition define(McpTool tool, PluginId owner) {
        ToolSpec spec = tool.spec();
        String name = ToolNames.qualify(owner.namespace(), spec.name());
        return new ToolDefinition(name, spec.title(), spec.description(),
                schema(name, "input", spec.inputSchema()),
                spec.outputSchema() == null ? null : schema(name, "output", spec.outputSchema()),
                Set.copyOf(spec.tags()),
                ToolHints.of(spec.readOnly(), spec.destructive(), spec.idempotent(),
                        spec.openWorld()),
                spec.timeoutSeconds() > 0 ? Duration.ofSeconds(spec.timeoutSeconds()) : null,
                (arguments, context) -> results.map(tool.call(arguments, context)),
                owner, Set.of(), spec.taskSupport());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schema(String tool, String which, String json) {
        try {
            return mapper.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tool " + tool + " has an " + which + " schema that is not JSON: "
                    + e.getOriginalMessage());
        }
    }
}
