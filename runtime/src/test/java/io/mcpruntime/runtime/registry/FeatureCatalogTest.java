package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mcpruntime.api.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureCatalogTest {
    private static final PluginId WEATHER = new PluginId(7, "com.acme.weather", "1.0.0", "weather");
    private static final PluginId IMPOSTOR = new PluginId(9, "com.evil.weather", "6.6.6", "weather");
    private static final PluginId OTHER = new PluginId(11, "com.acme.other", "1.0.0", "other");

    private final List<String> events = new ArrayList<>();

    private static ToolDefinition tool(String name, PluginId owner, String... tags) {
        return new ToolDefinition(name, null, null, Map.of("type", "object"), null, Set.of(tags),
                ToolHints.DEFAULT, null, (a, c) -> ToolResult.text(owner.symbolicName()), owner);
    }

    @Test
    void underErrorTheFirstPluginKeepsItsNamespaceAndTheNewcomerIsRefused() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE);
        ToolDefinition original = tool("weather_forecast", WEATHER);
        catalog.register(List.of(original));
        ToolDefinition intruder = tool("weather_alerts", IMPOSTOR);
        FeatureCatalog.Registration refused = catalog.register(List.of(intruder));
        assertSame(original, catalog.tool("weather_forecast"));
        assertNull(catalog.tool("weather_alerts"), "the whole namespace belongs to the first plugin");
        assertEquals(List.of(), catalog.servedOf(refused));
        assertEquals("namespace 'weather' belongs to plugin com.acme.weather 1.0.0", catalog.refused().get(intruder));
    }

    @Test
    void underReplaceTheNewcomerWinsAndTheShadowedPluginReturnsWhenItLeaves() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.REPLACE, TagFilter.NONE);
        ToolDefinition original = tool("weather_forecast", WEATHER);
        catalog.register(List.of(original));
        ToolDefinition replacement = tool("weather_forecast", IMPOSTOR);
        FeatureCatalog.Registration newcomer = catalog.register(List.of(replacement));
        assertSame(replacement, catalog.tool("weather_forecast"));
        catalog.unregister(newcomer);
        assertSame(original, catalog.tool("weather_forecast"));
    }

    @Test
    void underWarnTheNewcomerWinsToo() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.WARN, TagFilter.NONE);
        catalog.register(List.of(tool("weather_forecast", WEATHER)));
        ToolDefinition replacement = tool("weather_forecast", IMPOSTOR);
        catalog.register(List.of(replacement));
        assertSame(replacement, catalog.tool("weather_forecast"));
    }

    @Test
    void aToolNameCollidingAcrossNamespacesIsRefused() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE);
        catalog.register(List.of(tool("other_a_b", OTHER)));
        ToolDefinition collision = tool("other_a_b", new PluginId(12, "com.acme.other_a", "1", "other_a"));
        catalog.register(List.of(collision));
        assertEquals("taken by plugin com.acme.other 1.0.0", catalog.refused().get(collision));
    }

    @Test
    void tagFilteredToolsAreNotServed() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR,
                new TagFilter(Set.of("public"), Set.of("dangerous")));
        catalog.register(List.of(tool("other_a", OTHER, "public"), tool("other_b", OTHER, "public", "dangerous"),
                tool("other_c", OTHER)));
        assertEquals(List.of("other_a"), catalog.tools().stream().map(ToolDefinition::name).toList());
    }

    @Test
    void listenersGetOneBatchPerChangeAndTheCurrentToolsWhenSubscribing() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE);
        catalog.register(List.of(tool("weather_a", WEATHER)));
        catalog.subscribe(tools -> {
            events.add("snapshot " + tools.size());
            return (added, removed) -> events.add(added.size() + "+" + removed.size() + "-");
        });
        FeatureCatalog.Registration batch = catalog.register(List.of(tool("weather_b", WEATHER),
                tool("weather_c", WEATHER)));
        catalog.unregister(batch);
        assertEquals(List.of("snapshot 1", "2+0-", "0+2-"), events);
    }
}
