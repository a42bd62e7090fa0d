package io.mcpruntime.runtime.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mcpruntime.runtime.registry.ArgumentValidator;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;

/** The kernel's one Jackson mapper, wrapped the way the SDK wants it (passed explicitly, no service lookup). */
public record SdkJson(ObjectMapper objectMapper, McpJsonMapper mapper, JsonSchemaValidator validator) {

    /** java.time as ISO text, Optional as its value, unknown properties of argument objects ignored. */
    public static SdkJson create() {
        ObjectMapper objectMapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return new SdkJson(objectMapper, new JacksonMcpJsonMapper(objectMapper),
                new LazySchemaValidator(() -> new DefaultJsonSchemaValidator(objectMapper)));
    }

    /** Argument validation for the registry, with this validator. */
    public ArgumentValidator argumentValidator() {
        return new SdkArgumentValidator(validator);
    }
}
