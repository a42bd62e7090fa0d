package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpruntime.api.Param;
import java.util.Collection;

/**
 * The JSON Schema keywords a {@link Param} adds to a property: description, bounds, pattern, sizes, default. Used
 * for method parameters and for fields of argument and result types alike.
 */
final class ParamKeywords {
    private ParamKeywords() {
    }

    static void apply(ObjectNode property, Param param, Class<?> type, ObjectMapper mapper) {
        if (param == null) {
            return;
        }
        if (!param.description().isEmpty()) {
            property.put("description", param.description());
        }
        putNumber(property, "minimum", param.minimum());
        putNumber(property, "maximum", param.maximum());
        if (!param.pattern().isEmpty()) {
            property.put("pattern", param.pattern());
        }
        String size = type.isArray() || Collection.class.isAssignableFrom(type) ? "Items" : "Length";
        if (param.minSize() >= 0) {
            property.put("min" + size, param.minSize());
        }
        if (param.maxSize() >= 0) {
            property.put("max" + size, param.maxSize());
        }
        if (hasDefault(param)) {
            property.set("default", defaultValue(param, mapper));
        }
    }

    static boolean hasDefault(Param param) {
        return param != null && !param.defaultValue().isEmpty();
    }

    /** The default as JSON; text that is not JSON is taken as a string, so {@code defaultValue = "metric"} works. */
    static JsonNode defaultValue(Param param, ObjectMapper mapper) {
        try {
            return mapper.readTree(param.defaultValue());
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(param.defaultValue());
        }
    }

    private static void putNumber(ObjectNode property, String keyword, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
            property.put(keyword, (int) value);
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            property.put(keyword, (long) value);
        } else {
            property.put(keyword, value);
        }
    }
}
