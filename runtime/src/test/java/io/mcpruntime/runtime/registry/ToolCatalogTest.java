package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {
    private static final PluginId WEATHER = new PluginId(7, "com.acme.weather", "1.0.0", "weather");
    private static final PluginId IMPOSTOR = new PluginId(9, "com.evil.weather", "6.6.6", "weather");

    private final ToolCatalog catalog = new ToolCatalog();
    private final List<String> events = new ArrayList<>();

    private static ToolDefinition tool(String name, PluginId owner) {
        return new ToolDefinition(name, null, null, Map.of("type", "object"), (a, c) -> ToolOutcome.text(name),
                owner);
    }

    @Test
    void aNameHeldByAnotherPluginIsRefused() {
        ToolDefinition original = tool("weather_forecast", WEATHER);
        catalog.addAll(List.of(original));
        List<ToolDefinition> accepted = catalog.addAll(List.of(tool("weather_forecast", IMPOSTOR)));
        assertEquals(List.of(), accepted);
        assertSame(original, catalog.find("weather_forecast"));
    }

    @Test
    void listenersGetOneBatchPerChangeAndTheCurrentToolsWhenSubscribing() {
        catalog.addAll(List.of(tool("weather_a", WEATHER)));
        catalog.subscribe(tools -> {
            events.add("snapshot " + tools.size());
            return (added, removed) -> events.add(added.size() + "+" + removed.size() + "-");
        });
        List<ToolDefinition> batch = List.of(tool("weather_b", WEATHER), tool("weather_c", WEATHER));
        catalog.addAll(batch);
        catalog.removeAll(batch);
        assertEquals(List.of("snapshot 1", "2+0-", "0+2-"), events);
    }

    @Test
    void removingAStaleDefinitionLeavesTheCurrentOneInPlace() {
        ToolDefinition first = tool("weather_a", WEATHER);
        ToolDefinition second = tool("weather_a", WEATHER);
        catalog.addAll(List.of(first));
        catalog.addAll(List.of(second));
        catalog.removeAll(List.of(first));
        assertSame(second, catalog.find("weather_a"));
    }
}
