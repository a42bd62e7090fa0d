package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Turns what a tool method returned into a {@link ToolOutcome}: scalars as text, objects as structured JSON. */
final class ResultMapper {
    private final ObjectMapper mapper;

    ResultMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ToolOutcome map(Object value) throws JsonProcessingException {
        if (value == null) {
            return ToolOutcome.text("");
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>) {
            return ToolOutcome.text(value.toString());
        }
        Object tree = mapper.convertValue(value, Object.class);
        String json = mapper.writeValueAsString(tree);
        // structuredContent must be a JSON object; arrays and the like travel as text only
        return new ToolOutcome(json, tree instanceof Map<?, ?> ? tree : null, false);
    }
}
