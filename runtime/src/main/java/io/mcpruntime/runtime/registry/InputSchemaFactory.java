package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.util.List;
import java.util.Map;

/**
 * Infers a tool's JSON input schema from its method parameters with victools jsonschema-generator: one object
 * with a property per argument, definitions shared at the root.
 */
final class InputSchemaFactory {
    private final ObjectMapper mapper;
    private final SchemaGenerator generator;

    InputSchemaFactory(ObjectMapper mapper) {
        this.mapper = mapper;
        this.generator = new SchemaGenerator(new SchemaGeneratorConfigBuilder(
                mapper, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON).build());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> schemaFor(List<ToolParameter> parameters) {
        SchemaBuilder builder = generator.buildMultipleSchemaDefinitions();
        ObjectNode schema = mapper.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        var required = mapper.createArrayNode();
        for (ToolParameter parameter : parameters) {
            if (parameter.isContext()) {
                continue;
            }
            ObjectNode property = builder.createSchemaReference(parameter.type());
            if (parameter.description() != null) {
                property.put("description", parameter.description());
            }
            properties.set(parameter.name(), property);
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        ObjectNode definitions = builder.collectDefinitions("$defs");
        if (!definitions.isEmpty()) {
            schema.set("$defs", definitions);
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return mapper.convertValue(schema, Map.class);
    }
}
