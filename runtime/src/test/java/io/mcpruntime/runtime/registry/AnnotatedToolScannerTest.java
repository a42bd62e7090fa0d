package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.LogLevel;
import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnnotatedToolScannerTest {
    private static final PluginId OWNER = new PluginId(7, "com.acme.weather", "1.2.0", "weather");
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Unit { CELSIUS, FAHRENHEIT }

    record Place(String city, double latitude, double longitude) { }

    record Forecast(String city, double temperature, Unit unit) { }

    public static class WeatherTools implements McpPlugin {
        @Tool(description = "Forecast for a place", title = "Forecast")
        public Forecast forecast(@Param(description = "Where") Place place,
                @Param(description = "Unit", required = false) Unit unit, ToolContext context) {
            return new Forecast(place.city(), 21.5, unit == null ? Unit.CELSIUS : unit);
        }

        @Tool(name = "days_ahead")
        public String daysAhead(int days, @Param(required = false) boolean verbose, List<String> cities) {
            return days + " " + verbose + " " + cities;
        }

        @Tool
        public List<Integer> series() {
            return List.of(1, 2, 3);
        }

        @Tool(name = "not allowed!")
        public String badName() {
            return "";
        }

        public String notATool() {
            return "";
        }
    }

    private final Map<String, ToolDefinition> tools = new AnnotatedToolScanner(JSON)
            .scan(new WeatherTools(), OWNER).stream()
            .collect(Collectors.toMap(ToolDefinition::name, Function.identity()));

    @Test
    void namesAreNamespacedAndDefaultToTheMethodName() {
        assertEquals(List.of("weather_days_ahead", "weather_forecast", "weather_series"),
                tools.keySet().stream().sorted().toList());
    }

    @Test
    void metadataComesFromTheAnnotation() {
        ToolDefinition forecast = tools.get("weather_forecast");
        assertEquals("Forecast", forecast.title());
        assertEquals("Forecast for a place", forecast.description());
        assertNull(tools.get("weather_series").description());
        assertEquals(OWNER, forecast.owner());
    }

    @Test
    @SuppressWarnings("unchecked")
    void inputSchemaIsInferredFromParameterTypes() {
        Map<String, Object> schema = tools.get("weather_days_ahead").inputSchema();
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertEquals("object", schema.get("type"));
        assertEquals("integer", properties.get("days").get("type"));
        assertEquals("boolean", properties.get("verbose").get("type"));
        assertEquals("array", properties.get("cities").get("type"));
        assertEquals(Map.of("type", "string"), properties.get("cities").get("items"));
        assertEquals(List.of("days", "cities"), schema.get("required"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsAndEnumsBecomeObjectsAndEnumsAndTheContextIsNoArgument() {
        Map<String, Object> schema = tools.get("weather_forecast").inputSchema();
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertEquals(List.of("place", "unit"), List.copyOf(properties.keySet()));
        assertEquals("Where", properties.get("place").get("description"));
        Map<String, Object> place = properties.get("place");
        assertEquals("object", place.get("type"));
        assertEquals(Map.of("type", "string"), ((Map<String, Object>) place.get("properties")).get("city"));
        assertEquals(List.of("CELSIUS", "FAHRENHEIT"), properties.get("unit").get("enum"));
        assertEquals(List.of("place"), schema.get("required"));
    }

    @Test
    void argumentsAreBoundByNameWithDefaultsForOptionalOnes() throws Exception {
        ToolOutcome outcome = tools.get("weather_days_ahead").handler()
                .invoke(Map.of("days", 3, "cities", List.of("Oslo", "Rome")), new SilentContext());
        assertEquals(ToolOutcome.text("3 false [Oslo, Rome]"), outcome);
    }

    @Test
    void objectResultsBecomeStructuredContentWithAJsonText() throws Exception {
        ToolOutcome outcome = tools.get("weather_forecast").handler()
                .invoke(Map.of("place", Map.of("city", "Oslo", "latitude", 59.9, "longitude", 10.7)),
                        new SilentContext());
        assertEquals(Map.of("city", "Oslo", "temperature", 21.5, "unit", "CELSIUS"), outcome.structured());
        assertEquals(JSON.readTree("{\"city\":\"Oslo\",\"temperature\":21.5,\"unit\":\"CELSIUS\"}"),
                JSON.readTree(outcome.text()));
    }

    @Test
    void nonObjectJsonResultsAreTextOnly() throws Exception {
        ToolOutcome outcome = tools.get("weather_series").handler().invoke(Map.of(), new SilentContext());
        assertEquals(new ToolOutcome("[1,2,3]", null, false), outcome);
    }

    @Test
    void missingRequiredArgumentIsNamed() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> tools.get("weather_days_ahead").handler().invoke(Map.of("days", 1), new SilentContext()));
        assertEquals("Missing required argument 'cities'", e.getMessage());
    }

    @Test
    void wrongArgumentTypeSaysWhatWasExpected() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> tools.get("weather_days_ahead").handler()
                        .invoke(Map.of("days", "soon", "cities", List.of()), new SilentContext()));
        assertEquals("Argument 'days' must be an integer; got \"soon\"", e.getMessage());
    }

    @Test
    void anInvalidToolNameSkipsOnlyThatTool() {
        assertTrue(tools.keySet().stream().noneMatch(name -> name.contains("allowed")));
        assertEquals(3, tools.size());
    }

    static final class SilentContext implements ToolContext {
        @Override
        public void log(LogLevel level, String message) {
        }

        @Override
        public void progress(double progress, Double total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
