package io.mcpruntime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one argument of a {@link Tool} method.
 *
 * <p>Optional when the plugin is compiled with {@code -parameters} (the argument is then named after the Java
 * parameter and required); needed to give a description or to make an argument optional.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {
    /** The argument name; defaults to the Java parameter name. */
    String name() default "";

    /** What the argument means, written for the model. */
    String description() default "";

    /** Whether the client must send the argument; an optional one arrives as {@code null} (or 0/false). */
    boolean required() default true;
}
