package io.mcpruntime.testing;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.stream.Collectors;

/** The text parts of MCP content, as one string. */
final class TextContents {
    private TextContents() {
    }

    static String join(List<? extends McpSchema.Content> contents) {
        return contents.stream().map(TextContents::text).filter(text -> text != null)
                .collect(Collectors.joining("\n"));
    }

    static String text(McpSchema.Content content) {
        return content instanceof McpSchema.TextContent text ? text.text() : null;
    }
}
