package io.mcpruntime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public method of an {@link McpPlugin} component as a prompt template.
 *
 * <p>The method's {@code String} parameters are the prompt's arguments (described with {@link Param}). It returns a
 * {@code String} (one user message), a {@link PromptMessage}, or a {@code List<PromptMessage>}. The prompt's name is
 * prefixed with the plugin's namespace like a tool's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Prompt {
    /** The prompt name within the namespace; defaults to the method name. */
    String name() default "";

    String title() default "";

    String description() default "";
}
