package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The SDK's schema validator, made when it is first used: building networknt's schema factory took about 20 ms of
 * every start, and a start answers initialize before any call needs a schema checked.
 */
final class LazySchemaValidator implements JsonSchemaValidator {
    private final Supplier<JsonSchemaValidator> factory;
    private volatile JsonSchemaValidator validator;

    LazySchemaValidator(Supplier<JsonSchemaValidator> factory) {
        this.factory = factory;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return validator().validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return validator().validateSchema(schema);
    }

    private JsonSchemaValidator validator() {
        JsonSchemaValidator made = validator;
        if (made == null) {
            synchronized (this) {
                made = validator;
                if (made == null) {
                    made = factory.get();
                    validator = made;
                }
            }
        }
        return made;
    }
}
