package io.mcpruntime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The namespace of a plugin component: every tool name it contributes is prefixed with it ({@code example_echo}).
 *
 * <p>Optional. Without it the runtime takes the bundle's {@code MCP-Namespace} manifest header, then the last
 * segment of its {@code Bundle-SymbolicName}. A namespace is lower case letters, digits and underscores and
 * starts with a letter; one plugin owns it at a time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Namespace {
    /** The namespace, for example {@code "weather"}. */
    String value();
}
