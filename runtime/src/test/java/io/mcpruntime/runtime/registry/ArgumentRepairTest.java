package io.mcpruntime.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentRepairTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArgumentRepair repair = new ArgumentRepair(JSON);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String json) throws Exception {
        return JSON.readValue(json, Map.class);
    }

    @Test
    void stringifiedObjectsAndArraysAreDecodedWhereTheSchemaAsksForThem() throws Exception {
        Map<String, Object> schema = schema("""
                {"type":"object","properties":{
                  "filter":{"type":"object","properties":{"city":{"type":"string"}}},
                  "ids":{"type":"array","items":{"type":"integer"}},
                  "note":{"type":"string"}}}""");
        ArgumentRepair.Repaired repaired = repair.repair(Map.of(
                "filter", "{\"city\":\"Oslo\"}", "ids", "[1,2]", "note", "{\"stays\":\"text\"}"), schema);
        assertEquals(Map.of("filter", Map.of("city", "Oslo"), "ids", List.of(1, 2), "note", "{\"stays\":\"text\"}"),
                repaired.arguments());
        assertEquals(List.of("/filter", "/ids"), repaired.paths().stream().sorted().toList());
    }

    @Test
    void nestedNullableAndReferencedSchemasAreFollowed() throws Exception {
        Map<String, Object> schema = schema("""
                {"type":"object","$defs":{"Place":{"type":"object","properties":{
                   "tags":{"type":["array","null"],"items":{"type":"string"}}}}},
                 "properties":{"place":{"$ref":"#/$defs/Place"},
                   "maybe":{"anyOf":[{"type":"null"},{"type":"object"}]}}}""");
        ArgumentRepair.Repaired repaired = repair.repair(Map.of(
                "place", "{\"tags\":\"[\\\"a\\\"]\"}", "maybe", "{}"), schema);
        assertEquals(Map.of("place", Map.of("tags", List.of("a")), "maybe", Map.of()), repaired.arguments());
        assertEquals(List.of("/maybe", "/place", "/place/tags"), repaired.paths().stream().sorted().toList());
    }

    @Test
    void textThatDoesNotParseToTheExpectedTypeIsLeftForValidationToReport() throws Exception {
        Map<String, Object> schema = schema("""
                {"type":"object","properties":{"filter":{"type":"object"},"ids":{"type":"array"}}}""");
        Map<String, Object> arguments = Map.of("filter", "[1]", "ids", "not json");
        ArgumentRepair.Repaired repaired = repair.repair(arguments, schema);
        assertSame(arguments, repaired.arguments());
        assertEquals(List.of(), repaired.paths());
    }
}
