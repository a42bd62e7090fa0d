package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.Param;
import io.mcpruntime.api.ToolContext;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * One parameter of a tool or prompt method: either an argument the client sends (by name) or the runtime's
 * {@link ToolContext}. An {@code Optional<T>} parameter is an optional argument of type T.
 */
record ToolParameter(String name, Param param, boolean required, Type type, Class<?> rawType) {

    static ToolParameter of(Parameter parameter, String owner) {
        Param param = parameter.getAnnotation(Param.class);
        boolean named = param != null && !param.name().isEmpty();
        if (parameter.getType() != ToolContext.class && !parameter.isNamePresent() && !named) {
            throw new IllegalArgumentException("'" + owner + "': parameter " + parameter.getName()
                    + " has no name; compile the plugin with -parameters or give it @Param(name = ...)");
        }
        boolean optional = parameter.getType() == Optional.class || ParamKeywords.hasDefault(param)
                || param != null && !param.required();
        return new ToolParameter(named ? param.name() : parameter.getName(), param, !optional,
                parameter.getParameterizedType(), parameter.getType());
    }

    boolean isContext() {
        return rawType == ToolContext.class;
    }

    boolean isOptionalWrapper() {
        return rawType == Optional.class;
    }

    /** The type of the JSON value: T for {@code Optional<T>}, else the parameter's type. */
    Type valueType() {
        return isOptionalWrapper() && type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : type;
    }
}
