package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mcpruntime.api.TaskSupport;
import io.mcpruntime.api.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FeatureCatalogTest {
    private static final PluginId WEATHER = new PluginId(7, "com.acme.weather", "1.0.0", "weather");
    private static final PluginId IMPOSTOR = new PluginId(9, "com.evil.weather", "6.6.6", "weather");
    private static final PluginId OTHER = new PluginId(11, "com.acme.other", "1.0.0", "other");
    /** Longer than any test runs: a wait for it would hang the test. */
    private static final Duration GRACE = Duration.ofHours(1);

    private final List<String> events = new ArrayList<>();

    private static ToolDefinition tool(String name, PluginId owner, String... tags) {
        return new ToolDefinition(name, null, null, Map.of("type", "object"), null, Set.of(tags),
                ToolHints.DEFAULT, null, (a, c) -> ToolResult.text(owner.symbolicName()), owner, Set.of(),
                TaskSupport.FORBIDDEN);
    }

    @Test
    void underErrorTheFirstPluginKeepsItsNamespaceAndTheNewcomerIsRefused() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE, GRACE);
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
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.REPLACE, TagFilter.NONE, GRACE);
        ToolDefinition original = tool("weather_forecast", WEATHER);
        catalog.register(List.of(original));
        ToolDefinition replacement = tool("weather_forecast", IMPOSTOR);
        FeatureCatalog.Registration newcomer = catalog.register(List.of(replacement));
        assertSame(replacement, catalog.tool("weather_forecast"));
        catalog.unregister(newcomer, false);
        assertSame(original, catalog.tool("weather_forecast"));
    }

    @Test
    void underWarnTheNewcomerWinsToo() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.WARN, TagFilter.NONE, GRACE);
        catalog.register(List.of(tool("weather_forecast", WEATHER)));
        ToolDefinition replacement = tool("weather_forecast", IMPOSTOR);
        catalog.register(List.of(replacement));
        assertSame(replacement, catalog.tool("weather_forecast"));
    }

    @Test
    void aToolNameCollidingAcrossNamespacesIsRefused() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE, GRACE);
        catalog.register(List.of(tool("other_a_b", OTHER)));
        ToolDefinition collision = tool("other_a_b", new PluginId(12, "com.acme.other_a", "1", "other_a"));
        catalog.register(List.of(collision));
        assertEquals("taken by plugin com.acme.other 1.0.0", catalog.refused().get(collision));
    }

    @Test
    void tagFilteredToolsAreNotServed() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR,
                new TagFilter(Set.of("public"), Set.of("dangerous")), GRACE);
        catalog.register(List.of(tool("other_a", OTHER, "public"), tool("other_b", OTHER, "public", "dangerous"),
                tool("other_c", OTHER)));
        assertEquals(List.of("other_a"), catalog.tools().stream().map(ToolDefinition::name).toList());
    }

    @Test
    void listenersGetOneBatchPerChangeAndTheCurrentToolsWhenSubscribing() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE, GRACE);
        catalog.register(List.of(tool("weather_a", WEATHER)));
        catalog.subscribe(tools -> {
            events.add("snapshot " + tools.size());
            return (added, removed) -> events.add(added.size() + "+" + removed.size() + "-");
        });
        FeatureCatalog.Registration batch = catalog.register(List.of(tool("weather_b", WEATHER),
                tool("weather_c", WEATHER)));
        catalog.unregister(batch, false);
        assertEquals(List.of("snapshot 1", "2+0-", "0+2-"), events);
    }

    @Test
    void aFeatureWithdrawnForGoodIsNotAwaited() throws Exception {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE, GRACE);
        catalog.unregister(catalog.register(List.of(tool("weather_a", WEATHER))), false);
        assertNull(catalog.awaitedUntil("weather_a"));
        assertNull(catalog.await("weather_a"), "answered without waiting out the grace");
    }

    @Test
    void aFeatureOfAPluginBeingReplacedIsAwaitedUntilItsNewVersionServes() throws Exception {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE, GRACE);
        catalog.unregister(catalog.register(List.of(tool("weather_a", WEATHER))), true);
        assertNotNull(catalog.awaitedUntil("weather_a"));
        CompletableFuture<Feature> call = CompletableFuture.supplyAsync(() -> {
            try {
                return catalog.await("weather_a");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        ToolDefinition next = tool("weather_a", new PluginId(7, "com.acme.weather", "2.0.0", "weather"));
        catalog.register(List.of(next));
        assertSame(next, call.get(30, TimeUnit.SECONDS));
        assertNull(catalog.awaitedUntil("weather_a"), "served again, so no longer awaited");
    }

    @Test
    void aFeatureIsAwaitedWhileItsOldVersionDrainsAndForTheGraceAfter() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE, Duration.ZERO);
        FeatureCatalog.Registration old = catalog.register(List.of(tool("weather_a", WEATHER)));
        catalog.withdraw(old, true, false);
        assertNull(catalog.find("weather_a"), "no new call reaches the old version");
        assertNotNull(catalog.awaitedUntil("weather_a"), "awaited while the old version drains, grace or not");
        catalog.drained(old);
        assertNull(catalog.awaitedUntil("weather_a"), "drained: awaited only for the (zero) grace");
    }

    @Test
    void aStoppingPluginIsWithdrawnWholeWithItsFirstServiceAndEachServiceGetsItsShare() {
        FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE, GRACE);
        FeatureCatalog.Registration tools = catalog.register(List.of(tool("weather_a", WEATHER)));
        FeatureCatalog.Registration more = catalog.register(List.of(tool("weather_b", WEATHER)));
        catalog.register(List.of(tool("other_c", OTHER)));

        assertEquals(List.of("weather_a", "weather_b"), catalog.withdraw(tools, true, true).removed());
        assertNull(catalog.find("weather_b"), "the plugin's other service takes no new call either");
        assertNotNull(catalog.find("other_c"), "another plugin is not touched");
        assertEquals(List.of("weather_b"), catalog.withdraw(more, true, true).removed());
    }
}
