package io.mcpruntime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public method of an {@link McpPlugin} component as the completion source of one argument of a prompt
 * or one variable of a resource template (what a client shows while the user types).
 *
 * <p>The method takes the text typed so far ({@code String}) and returns the suggestions ({@code List<String>}),
 * best first; the runtime sends at most 100. Exactly one of {@link #prompt()} and {@link #resourceTemplate()} is set.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Completion {
    /** The prompt's name within the namespace (as in {@link Prompt#name()}). */
    String prompt() default "";

    /** The resource template's URI template (as in {@link ResourceTemplate#uriTemplate()}). */
    String resourceTemplate() default "";

    /** The argument or template variable being completed. */
    String argument();
}
