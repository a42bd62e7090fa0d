package io.mcpruntime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public method of an {@link McpPlugin} component as an MCP tool.
 *
 * <p>The method's parameters become the tool's arguments (see {@link Param}); a {@link ToolContext} parameter is
 * supplied by the runtime and is not an argument. The return value becomes the result: a {@code String} or
 * primitive as text, any other object as structured JSON content; {@code void} as an empty text. Throwing
 * {@link ToolException} gives the client an error result with its message; any other exception gives a generic
 * error result and is logged by the runtime.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {
    /** The tool name within the plugin's namespace; defaults to the method name. */
    String name() default "";

    /** What the tool does, written for the model that decides whether to call it. */
    String description() default "";

    /** A human-readable title for user interfaces; defaults to none. */
    String title() default "";
}
