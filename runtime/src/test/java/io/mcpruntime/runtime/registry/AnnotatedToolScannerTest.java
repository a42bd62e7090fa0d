package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.Content;
import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolResult;
import io.mcpruntime.runtime.mcp.DetachedToolContext;
import io.mcpruntime.runtime.mcp.SdkJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnnotatedToolScannerTest {
    private static final PluginId OWNER = new PluginId(7, "com.acme.weather", "1.2.0", "weather");
    private static final ObjectMapper JSON = SdkJson.create().objectMapper();

    enum Unit { CELSIUS, FAHRENHEIT }

    record Place(@Param(description = "City name", pattern = "[A-Za-z ]+") String city, double latitude,
            Double longitude) { }

    record Forecast(String city, double temperature, Unit unit, LocalDate day) { }

    public static class WeatherTools implements McpPlugin {
        @Tool(description = "Forecast for a place", title = "Forecast", tags = {"weather", "read"}, readOnly = true)
        public Forecast forecast(@Param(description = "Where") Place place,
                @Param(description = "Unit", required = false) Unit unit, ToolContext context) {
            return new Forecast(place.city(), 21.5, unit == null ? Unit.CELSIUS : unit, LocalDate.of(2026, 11, 21));
        }

        @Tool(name = "days_ahead")
        public String daysAhead(@Param(minimum = 1, maximum = 14, defaultValue = "3") int days,
                Optional<Boolean> verbose, @Param(minSize = 1, maxSize = 5) List<String> cities,
                Map<String, Integer> weights, LocalDate from) {
            return days + " " + verbose.orElse(false) + " " + cities + " " + weights + " " + from;
        }

        @Tool
        public List<Integer> series() {
            return List.of(1, 2, 3);
        }

        @Tool
        public List<Content> chart() {
            return List.of(Content.text("chart"), Content.image(new byte[] {1, 2}, "image/png"));
        }

        @Tool
        public ToolResult failing() {
            return ToolResult.error("no data");
        }

        @Tool(name = "a_very_long_tool_name_that_goes_on_and_on_past_what_clients_accept")
        public String longName() {
            return "";
        }

        @Tool
        public static String badStatic() {
            return "";
        }

        public String notATool() {
            return "";
        }
    }

    public static class ScalarTools implements McpPlugin {
        @Tool
        public String first(@Param(minimum = 1, description = "How many") int count, String text, long big,
                double ratio, Boolean flag, char initial, BigDecimal amount) {
            return "";
        }

        @Tool
        public String second(int count, @Param(pattern = "[a-z]+") String text) {
            return "";
        }
    }

    private final Map<String, ToolDefinition> tools = new AnnotatedToolScanner(JSON)
            .scan(new WeatherTools(), OWNER).stream()
            .collect(Collectors.toMap(ToolDefinition::name, Function.identity()));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(ToolDefinition tool, String name) {
        return ((Map<String, Map<String, Object>>) tool.inputSchema().get("properties")).get(name);
    }

    @Test
    void namesAreNamespacedDefaultToTheMethodNameAndAreShortenedDeterministically() {
        assertEquals(Set.of("weather_days_ahead", "weather_forecast", "weather_series", "weather_chart",
                "weather_failing", ToolNames.qualify("weather",
                        "a_very_long_tool_name_that_goes_on_and_on_past_what_clients_accept")), tools.keySet());
        assertTrue(tools.keySet().stream().allMatch(n -> n.matches("^[a-zA-Z0-9_-]{1,64}$")));
    }

    @Test
    void metadataTagsAndHintsComeFromTheAnnotation() {
        ToolDefinition forecast = tools.get("weather_forecast");
        assertEquals("Forecast", forecast.title());
        assertEquals("Forecast for a place", forecast.description());
        assertEquals(Set.of("weather", "read"), forecast.tags());
        assertEquals(new ToolHints(true, false, false, true), forecast.hints());
        assertEquals(ToolHints.DEFAULT, tools.get("weather_series").hints());
        assertNull(tools.get("weather_series").description());
    }

    @Test
    void scalarsCollectionsMapsOptionalsAndDatesAreInferred() {
        ToolDefinition tool = tools.get("weather_days_ahead");
        assertEquals(Map.of("type", "integer", "format", "int32", "minimum", 1, "maximum", 14, "default", 3),
                property(tool, "days"));
        assertEquals("boolean", property(tool, "verbose").get("type"));
        assertEquals(Map.of("type", "array", "items", Map.of("type", "string"), "minItems", 1, "maxItems", 5),
                property(tool, "cities"));
        assertEquals("object", property(tool, "weights").get("type"));
        assertEquals(Map.of("type", "integer", "format", "int32"),
                property(tool, "weights").get("additionalProperties"));
        assertEquals(Map.of("type", "string", "format", "date"), property(tool, "from"));
        assertEquals(List.of("cities", "weights", "from"), tool.inputSchema().get("required"));
    }

    @Test
    void scalarSchemasAreMadeOnceAndOneParametersKeywordsNeverReachAnother() {
        Map<String, ToolDefinition> scalars = new AnnotatedToolScanner(JSON).scan(new ScalarTools(), OWNER).stream()
                .collect(Collectors.toMap(ToolDefinition::name, Function.identity()));
        ToolDefinition first = scalars.get("weather_first");
        ToolDefinition second = scalars.get("weather_second");
        assertEquals(Map.of("type", "integer", "format", "int32", "minimum", 1, "description", "How many"),
                property(first, "count"));
        assertEquals(Map.of("type", "string"), property(first, "text"));
        assertEquals(Map.of("type", "integer", "format", "int64"), property(first, "big"));
        assertEquals(Map.of("type", "number", "format", "double"), property(first, "ratio"));
        assertEquals(Map.of("type", "boolean"), property(first, "flag"));
        assertEquals(Map.of("type", "string"), property(first, "initial"));
        assertEquals(Map.of("type", "number"), property(first, "amount"));
        assertEquals(Map.of("type", "integer", "format", "int32"), property(second, "count"));
        assertEquals(Map.of("type", "string", "pattern", "[a-z]+"), property(second, "text"));
        assertEquals(Map.of("type", "string"), property(first, "text"), "the second tool's pattern stays its own");
        assertNull(first.inputSchema().get("$defs"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestedRecordsCarryFieldConstraintsAndEnumsAreListed() {
        ToolDefinition forecast = tools.get("weather_forecast");
        Map<String, Object> place = property(forecast, "place");
        assertEquals("Where", place.get("description"));
        Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) place.get("properties");
        assertEquals(Map.of("type", "string", "description", "City name", "pattern", "[A-Za-z ]+"), fields.get("city"));
        assertEquals(List.of("city", "latitude"), place.get("required"));
        assertEquals(List.of("CELSIUS", "FAHRENHEIT"), property(forecast, "unit").get("enum"));
        assertEquals(List.of("place"), forecast.inputSchema().get("required"));
        assertNull(property(forecast, "context"), "the context is not an argument");
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordResultsHaveAnOutputSchemaOthersNone() {
        Map<String, Object> output = tools.get("weather_forecast").outputSchema();
        assertEquals("object", output.get("type"));
        Map<String, Object> properties = (Map<String, Object>) output.get("properties");
        assertEquals(Set.of("city", "temperature", "unit", "day"), properties.keySet());
        assertNull(tools.get("weather_series").outputSchema());
        assertNull(tools.get("weather_days_ahead").outputSchema());
    }

    @Test
    void argumentsAreBoundByNameWithDefaultsAndOptionals() throws Exception {
        ToolResult result = tools.get("weather_days_ahead").handler().invoke(Map.of("cities", List.of("Oslo"),
                "weights", Map.of("Oslo", 2), "from", "2026-12-01"), new DetachedToolContext("unit-test"));
        assertEquals(ToolResult.text("3 false [Oslo] {Oslo=2} 2026-12-01"), result);
    }

    @Test
    void objectResultsBecomeStructuredContentWithoutNullsPlusJsonText() throws Exception {
        ToolResult result = tools.get("weather_forecast").handler()
                .invoke(Map.of("place", Map.of("city", "Oslo", "latitude", 59.9)),
                        new DetachedToolContext("unit-test"));
        assertEquals(Map.of("city", "Oslo", "temperature", 21.5, "unit", "CELSIUS", "day", "2026-11-21"),
                result.structured());
        assertEquals(JSON.readTree(
                "{\"city\":\"Oslo\",\"temperature\":21.5,\"unit\":\"CELSIUS\",\"day\":\"2026-11-21\"}"),
                JSON.readTree(((Content.Text) result.content().get(0)).text()));
    }

    @Test
    void contentListsAndToolResultsPassThroughOtherJsonIsText() throws Exception {
        ToolResult chart = tools.get("weather_chart").handler().invoke(Map.of(), new DetachedToolContext("unit-test"));
        assertEquals(2, chart.content().size());
        assertTrue(chart.content().get(1) instanceof Content.Image);
        assertEquals(ToolResult.error("no data"), tools.get("weather_failing").handler().invoke(Map.of(),
                new DetachedToolContext("unit-test")));
        assertEquals(ToolResult.text("[1,2,3]"), tools.get("weather_series").handler().invoke(Map.of(),
                new DetachedToolContext("unit-test")));
    }

    @Test
    void missingRequiredArgumentIsNamed() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> tools
                .get("weather_days_ahead").handler().invoke(Map.of("cities", List.of()),
                        new DetachedToolContext("unit-test")));
        assertEquals("Missing required argument 'weights'", e.getMessage());
    }

    @Test
    void wrongArgumentTypeSaysWhatWasExpected() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> tools
                .get("weather_days_ahead").handler().invoke(Map.of("days", "soon", "cities", List.of(),
                        "weights", Map.of(), "from", "2026-01-01"), new DetachedToolContext("unit-test")));
        assertEquals("Argument 'days' must be an integer; got \"soon\"", e.getMessage());
    }

    @Test
    void aStaticToolMethodIsSkippedAlone() {
        assertTrue(tools.keySet().stream().noneMatch(name -> name.contains("static")));
        assertEquals(6, tools.size());
    }
}
