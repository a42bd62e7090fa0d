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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Follows programmatic {@link McpTool} services: one tool each, with the JSON schemas the plugin wrote. */
public final class McpToolTracker extends WhiteboardTracker<McpTool> {
    private static final Logger LOG = LoggerFactory.getLogger(McpToolTracker.class);

    private final FeatureCatalog catalog;
    private final ObjectMapper mapper;
    private final ResultMapper results;

    public McpToolTracker(BundleContext context, FeatureCatalog catalog, ObjectMapper mapper, PluginGates gates,
            Duration drainTimeout) {
        super(context, McpTool.class, gates, drainTimeout);
        this.catalog = catalog;
        this.mapper = mapper;
        this.results = new ResultMapper(mapper);
    }

    @Override
    AutoCloseable contribute(McpTool tool, PluginId owner) {
        FeatureCatalog.Registration registration = catalog.register(List.of(define(tool, owner)));
        LOG.info("Plugin {}: serving {}", owner, catalog.servedOf(registration));
        return () -> catalog.unregister(registration);
    }

    private ToolDefinition define(McpTool tool, PluginId owner) {
        ToolSpec spec = tool.spec();
        String name = ToolNames.qualify(owner.namespace(), spec.name());
        return new ToolDefinition(name, spec.title(), spec.description(),
                schema(name, "input", spec.inputSchema()),
                spec.outputSchema() == null ? null : schema(name, "output", spec.outputSchema()),
                Set.copyOf(spec.tags()),
                new ToolHints(spec.readOnly(), spec.destructive() && !spec.readOnly(), spec.idempotent(),
                        spec.openWorld()),
                spec.timeoutSeconds() > 0 ? Duration.ofSeconds(spec.timeoutSeconds()) : null,
                (arguments, context) -> results.map(tool.call(arguments, context)),
                owner);
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
