package io.mcpruntime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public method of an {@link McpPlugin} component as an MCP tool.
 *
 * <p>The method's parameters become the tool's arguments, their JSON schema inferred from the Java types (see
 * {@link Param}); a {@link ToolContext} parameter is supplied by the runtime and is not an argument. The return
 * value becomes the result:
 * <ul>
 *   <li>{@code String}, primitives, boxes, enums: text;</li>
 *   <li>a record or other object: {@code structuredContent} (with its inferred output schema) plus the same JSON
 *       as text;</li>
 *   <li>a {@link Content} or a {@code List<Content>}: that content; {@link ToolResult}: full control;</li>
 *   <li>{@code void}: an empty text.</li>
 * </ul>
 * Throwing {@link ToolException} gives the client an error result with its message; any other exception gives a
 * generic error result and is logged by the runtime.
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

    /** Tags that operators can filter on ({@code MCP_INCLUDE_TAGS}, {@code MCP_EXCLUDE_TAGS}). */
    String[] tags() default {};

    /** Hint: the tool does not modify its environment. */
    boolean readOnly() default false;

    /** Hint: the tool may destroy data (meaningful only when not read-only). */
    boolean destructive() default true;

    /** Hint: calling it again with the same arguments has no further effect. */
    boolean idempotent() default false;

    /** Hint: the tool talks to an open world (the internet) rather than a closed system. */
    boolean openWorld() default true;

    /**
     * The call's deadline in seconds; 0 means the runtime's ({@code MCP_REQUEST_TIMEOUT}). When it passes, the call
     * is cancelled (its context reports cancelled, its thread is interrupted) and the client gets an error result.
     */
    long timeoutSeconds() default 0;

    /**
     * OAuth scopes a caller's access token must grant to see and call this tool, when the runtime checks OAuth
     * tokens ({@code auth=oauth}); a plugin can require scopes for all its tools with the {@code MCP-Scopes}
     * manifest header, and the operator with {@code --oauth-tool-scopes}. Unchecked when nobody authenticates
     * (stdio, or HTTP without OAuth).
     */
    String[] scopes() default {};

    /**
     * Whether clients may run this tool as an MCP task (answered at once, polled for later): for long-running
     * tools. The call still runs under the plugin's concurrency limit and {@link #timeoutSeconds()}.
     *
     * @since 1.2
     */
    TaskSupport taskSupport() default TaskSupport.FORBIDDEN;
}
