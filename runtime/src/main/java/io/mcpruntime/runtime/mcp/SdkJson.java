package io.mcpruntime.runtime.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;

/** The kernel's one Jackson mapper, wrapped the way the SDK wants it (passed explicitly, no service lookup). */
public record SdkJson(ObjectMapper objectMapper, McpJsonMapper mapper, JsonSchemaValidator validator) {

    public static SdkJson of(ObjectMapper objectMapper) {
        return new SdkJson(objectMapper, new JacksonMcpJsonMapper(objectMapper),
                new DefaultJsonSchemaValidator(objectMapper));
    }
}
