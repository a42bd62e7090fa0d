package io.mcpruntime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one argument of a {@link Tool} or {@link Prompt} method, or one field (record component) of an
 * argument or result type. Every element is optional.
 *
 * <p>A method parameter is named after the Java parameter when the plugin is compiled with {@code -parameters}, and
 * is required unless it says otherwise, is an {@code Optional} or has a default. A field is required when it is a
 * primitive or carries this annotation with {@code required = true} (the default).
 *
 * <pre>{@code
 * public String forecast(@Param(description = "City name", pattern = "[A-Za-z ]+") String city,
 *                        @Param(description = "Days ahead", minimum = 1, maximum = 14, defaultValue = "3") int days)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Param {
    /** The argument name; defaults to the Java parameter or field name. */
    String name() default "";

    /** What the argument means, written for the model. */
    String description() default "";

    /** Whether the client must send the argument. */
    boolean required() default true;

    /**
     * The value used when the client sends none, as JSON ({@code "3"}, {@code "\"metric\""}, {@code "[1,2]"}); a
     * bare word that is not JSON is taken as a string. Implies not required.
     */
    String defaultValue() default "";

    /** Smallest allowed number (inclusive); unset by default. */
    double minimum() default Double.NaN;

    /** Largest allowed number (inclusive); unset by default. */
    double maximum() default Double.NaN;

    /** A regular expression a string must match. */
    String pattern() default "";

    /** Smallest length of a string, or number of items of an array; -1 for none. */
    int minSize() default -1;

    /** Largest length of a string, or number of items of an array; -1 for none. */
    int maxSize() default -1;
}
