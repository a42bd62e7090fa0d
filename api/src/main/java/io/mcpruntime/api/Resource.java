package io.mcpruntime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public method of an {@link McpPlugin} component as a resource with a fixed URI.
 *
 * <p>The method takes no arguments and returns a {@code String} (text), a {@code byte[]} (binary) or
 * {@link ResourceContents}. It is called on every {@code resources/read}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Resource {
    /** The resource URI, e.g. {@code "weather://stations"}. */
    String uri();

    /** A short name; defaults to the method name. */
    String name() default "";

    String description() default "";

    String mimeType() default "text/plain";
}
