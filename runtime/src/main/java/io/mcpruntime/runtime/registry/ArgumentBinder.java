package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.ToolContext;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a call's JSON arguments into the Java values a method takes, with errors that name the argument. */
final class ArgumentBinder {
    private final ObjectMapper mapper;
    private final List<ToolParameter> parameters;
    private final JavaType[] types;

    ArgumentBinder(ObjectMapper mapper, List<ToolParameter> parameters) {
        this.mapper = mapper;
        this.parameters = parameters;
        this.types = parameters.stream().map(p -> mapper.constructType(p.valueType())).toArray(JavaType[]::new);
    }

    Object[] bind(Map<String, ?> arguments, ToolContext context) {
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            ToolParameter parameter = parameters.get(i);
            values[i] = parameter.isContext() ? context : bindOne(parameter, types[i], arguments.get(parameter.name()));
        }
        return values;
    }

    private Object bindOne(ToolParameter parameter, JavaType type, Object value) {
        Object json = value != null || !ParamKeywords.hasDefault(parameter.param()) ? value
                : ParamKeywords.defaultValue(parameter.param(), mapper);
        Object bound = convert(parameter, type, json);
        return parameter.isOptionalWrapper() ? Optional.ofNullable(bound) : bound;
    }

    private Object convert(ToolParameter parameter, JavaType type, Object value) {
        if (value == null) {
            if (parameter.required()) {
                throw new InvalidArgumentException("Missing required argument '" + parameter.name() + "'");
            }
            return type.isPrimitive() ? Array.get(Array.newInstance(type.getRawClass(), 1), 0) : null;
        }
        try {
            return mapper.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("Argument '" + parameter.name() + "' must be "
                    + JsonTypes.describe(type.getRawClass()) + "; got " + JsonTypes.abbreviate(value));
        }
    }
}
