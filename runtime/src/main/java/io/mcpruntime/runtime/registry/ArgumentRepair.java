package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Repairs arguments that some clients (Claude Code among them) send as JSON text where the schema asks for an
 * object or an array: {@code "{\"a\":1}"} instead of {@code {"a":1}}. Driven by the tool's input schema, nested
 * too: a string is decoded only where the schema does not accept a string and the text parses to the expected
 * type. Arguments declared as strings are never touched.
 */
final class ArgumentRepair {
    private final ObjectMapper mapper;

    ArgumentRepair(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The repaired arguments and the paths that were repaired (empty: nothing changed). */
    record Repaired(Map<String, Object> arguments, List<String> paths) {
    }

    @SuppressWarnings("unchecked")
    Repaired repair(Map<String, Object> arguments, Map<String, Object> schema) {
        List<String> paths = new ArrayList<>();
        Object repaired = repairValue(arguments, schema, schema, "", paths);
        return new Repaired(paths.isEmpty() ? arguments : (Map<String, Object>) repaired, paths);
    }

    @SuppressWarnings("unchecked")
    private Object repairValue(Object value, Map<String, Object> schema, Map<String, Object> root, String path,
            List<String> paths) {
        Map<String, Object> resolved = resolve(schema, root);
        if (resolved == null) {
            return value;
        }
        Set<String> types = typesOf(resolved, root);
        if (value instanceof String text && !types.contains("string")) {
            Object decoded = decode(text);
            if (decoded instanceof Map && types.contains("object")
                    || decoded instanceof List && types.contains("array")) {
                paths.add(path.isEmpty() ? "(arguments)" : path);
                value = decoded;
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> properties = (Map<String, Object>) resolved.get("properties");
            Object additional = resolved.get("additionalProperties");
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                Object sub = properties != null && properties.containsKey(key) ? properties.get(key) : additional;
                copy.put((String) key, sub instanceof Map<?, ?> subSchema
                        ? repairValue(item, (Map<String, Object>) subSchema, root, path + "/" + key, paths) : item);
            });
            return copy;
        }
        if (value instanceof List<?> list && resolved.get("items") instanceof Map<?, ?> items) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(repairValue(list.get(i), (Map<String, Object>) items, root, path + "/" + i, paths));
            }
            return copy;
        }
        return value;
    }

    /** Follows a local {@code $ref} ({@code #/$defs/Name}); other references are left alone. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> root) {
        Object ref = schema.get("$ref");
        if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
            return schema;
        }
        Object node = root;
        for (String part : pointer.substring(2).split("/")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return node instanceof Map<?, ?> target ? (Map<String, Object>) target : null;
    }

    /** The JSON types a schema accepts, from {@code type} and from {@code anyOf}/{@code oneOf} alternatives. */
    @SuppressWarnings("unchecked")
    private static Set<String> typesOf(Map<String, Object> schema, Map<String, Object> root) {
        Set<String> types = new TreeSet<>();
        Object type = schema.get("type");
        if (type instanceof String single) {
            types.add(single);
        } else if (type instanceof List<?> several) {
            several.forEach(t -> types.add(String.valueOf(t)));
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.get(combinator) instanceof List<?> alternatives) {
                for (Object alternative : alternatives) {
                    if (alternative instanceof Map<?, ?> sub) {
                        Map<String, Object> resolved = resolve((Map<String, Object>) sub, root);
                        if (resolved != null) {
                            types.addAll(typesOf(resolved, root));
                        }
                    }
                }
            }
        }
        if (types.isEmpty() && schema.containsKey("properties")) {
            types.add("object");
        }
        return types;
    }

    private Object decode(String text) {
        String trimmed = text.trim();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return null;
        }
        try {
            return mapper.readValue(trimmed, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
