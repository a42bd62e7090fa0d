package io.mcpruntime.api;

import java.util.List;

/**
 * A tool result with full control: several content items, structured content, the error flag.
 *
 * @param content what the model reads
 * @param structured a record, POJO or map sent as {@code structuredContent}, or {@code null}
 * @param error whether the call failed
 */
public record ToolResult(List<Content> content, Object structured, boolean error) {

    public ToolResult {
        content = List.copyOf(content);
    }

    public static ToolResult of(Content... content) {
        return new ToolResult(List.of(content), null, false);
    }

    public static ToolResult text(String text) {
        return of(Content.text(text));
    }

    /** A failed call whose message the model reads. */
    public static ToolResult error(String message) {
        return new ToolResult(List.of(Content.text(message)), null, true);
    }

    public ToolResult withStructured(Object structured) {
        return new ToolResult(content, structured, error);
    }
}
