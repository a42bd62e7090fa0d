package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.Param;
import io.mcpruntime.api.ToolContext;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;

/**
 * One parameter of a tool method: either an argument the client sends (by name) or the runtime's
 * {@link ToolContext}.
 */
record ToolParameter(String name, String description, boolean required, Type type, Class<?> rawType) {

    static ToolParameter of(Parameter parameter, String toolName) {
        Param param = parameter.getAnnotation(Param.class);
        String name = param != null && !param.name().isEmpty() ? param.name() : parameter.getName();
        if (parameter.getType() != ToolContext.class && !parameter.isNamePresent()
                && (param == null || param.name().isEmpty())) {
            throw new IllegalArgumentException("Tool '" + toolName + "': parameter " + parameter.getName()
                    + " has no name; compile the plugin with -parameters or give it @Param(name = ...)");
        }
        return new ToolParameter(
                name,
                param == null || param.description().isEmpty() ? null : param.description(),
                param == null || param.required(),
                parameter.getParameterizedType(),
                parameter.getType());
    }

    boolean isContext() {
        return rawType == ToolContext.class;
    }
}
