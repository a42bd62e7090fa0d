package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.Content;
import io.mcpruntime.api.TaskSupport;
import io.mcpruntime.api.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolInvokerTest {
    private static final PluginId V1 = new PluginId(7, "com.acme.weather", "1.0.0", "weather");
    private static final PluginId V2 = new PluginId(7, "com.acme.weather", "2.0.0", "weather");

    private final FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE,
            Duration.ofHours(1));
    private final ToolInvoker invoker = new ToolInvoker(new ObjectMapper(), (schema, arguments) -> Optional.empty(),
            false, true, new PluginGates(4, Duration.ofSeconds(1)), catalog, name -> { });

    private static ToolDefinition tool(PluginId owner) {
        return new ToolDefinition("weather_a", null, null, Map.of("type", "object"), null, Set.of(),
                ToolHints.DEFAULT, null, (a, c) -> ToolResult.text("from " + owner.version()), owner, Set.of(),
                TaskSupport.FORBIDDEN);
    }

    @Test
    void aCallThatLookedUpAVersionWithdrawnSinceRunsTheVersionReplacingIt() {
        ToolDefinition old = tool(V1);
        FeatureCatalog.Registration first = catalog.register(List.of(old));
        catalog.withdraw(first, true, false);
        catalog.register(List.of(tool(V2)));
        catalog.drained(first);
        assertEquals("from 2.0.0", text(invoker.invoke(old, Map.of(), null)));
    }

    @Test
    void aCallThatLookedUpAVersionRemovedSinceFailsClearly() {
        ToolDefinition old = tool(V1);
        catalog.unregister(catalog.register(List.of(old)), false);
        assertEquals("Tool 'weather_a' is no longer available: its plugin was removed",
                text(invoker.invoke(old, Map.of(), null)));
    }

    private static String text(ToolResult result) {
        return ((Content.Text) result.content().get(0)).text();
    }
}
