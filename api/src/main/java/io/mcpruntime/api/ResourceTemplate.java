package io.mcpruntime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public method of an {@link McpPlugin} component as a family of resources under a URI template
 * (RFC 6570 level 1, e.g. {@code "weather://stations/{id}"}).
 *
 * <p>Each method parameter receives the template variable of the same name as a {@code String}. The return value
 * is as for {@link Resource}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResourceTemplate {
    String uriTemplate();

    /** A short name; defaults to the method name. */
    String name() default "";

    String description() default "";

    String mimeType() default "text/plain";
}
