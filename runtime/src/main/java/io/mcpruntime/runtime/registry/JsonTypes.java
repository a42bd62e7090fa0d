package io.mcpruntime.runtime.registry;

import java.util.Collection;
import java.util.Map;

/** Words for JSON types in messages meant for a model: "an integer", "a string". */
final class JsonTypes {
    private static final int MAX_SHOWN = 80;

    private JsonTypes() {
    }

    static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
            return "an integer";
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    static String abbreviate(Object value) {
        String shown = value instanceof String s ? '"' + s + '"'
                : value instanceof Map<?, ?> ? "an object"
                : value instanceof Collection<?> ? "an array"
                : String.valueOf(value);
        return shown.length() > MAX_SHOWN ? shown.substring(0, MAX_SHOWN) + "…" : shown;
    }
}
