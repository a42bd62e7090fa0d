package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.Content;
import io.mcpruntime.api.ToolResult;
import java.util.List;
import java.util.Map;

/**
 * Turns what a tool method returned into a {@link ToolResult}: results and content as they are, scalars as text,
 * objects as structured JSON (absent values left out, so they match the inferred output schema) plus that JSON as
 * text.
 */
final class ResultMapper {
    private final ObjectMapper mapper;

    ResultMapper(ObjectMapper mapper) {
        this.mapper = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    ToolResult map(Object value) throws JsonProcessingException {
        if (value instanceof ToolResult result) {
            return result.structured() == null ? result : result.withStructured(structure(result.structured()));
        }
        if (value instanceof Content content) {
            return ToolResult.of(content);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Content.class::isInstance)) {
            return new ToolResult(list.stream().map(Content.class::cast).toList(), null, false);
        }
        if (value == null) {
            return ToolResult.text("");
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>) {
            return ToolResult.text(value.toString());
        }
        Object tree = structure(value);
        ToolResult text = ToolResult.text(mapper.writeValueAsString(tree));
        // structuredContent must be a JSON object; arrays and the like travel as text only
        return tree instanceof Map<?, ?> ? text.withStructured(tree) : text;
    }

    private Object structure(Object value) {
        return mapper.convertValue(value, Object.class);
    }
}
