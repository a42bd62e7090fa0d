package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.registry.ArgumentValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates tool arguments with the SDK's JSON Schema validator (networknt underneath, schemas cached). */
final class SdkArgumentValidator implements ArgumentValidator {
    private static final String PREFIX = "Validation failed: JSON schema validation errors: ";
    private static final Pattern ROOT_LOCATION = Pattern.compile("(^|, ): ");

    private final JsonSchemaValidator validator;

    SdkArgumentValidator(JsonSchemaValidator validator) {
        this.validator = validator;
    }

    @Override
    public Optional<String> validate(Map<String, Object> schema, Map<String, Object> arguments) {
        JsonSchemaValidator.ValidationResponse response = validator.validate(schema, arguments);
        if (response.valid()) {
            return Optional.empty();
        }
        String message = response.errorMessage();
        if (message.startsWith(PREFIX)) {
            message = message.substring(PREFIX.length());
        }
        if (message.startsWith("[") && message.endsWith("]")) {
            message = message.substring(1, message.length() - 1);
        }
        // networknt puts the failing value's location first; the arguments object itself has none (": ...")
        return Optional.of(ROOT_LOCATION.matcher(message).replaceAll("$1"));
    }
}
