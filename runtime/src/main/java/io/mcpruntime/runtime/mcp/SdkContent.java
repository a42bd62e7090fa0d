package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.Content;
import io.mcpruntime.api.ResourceContents;
import io.mcpruntime.api.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Base64;

/** Converts the plugin API's content types to the SDK's, and back where the client sends content. */
final class SdkContent {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private SdkContent() {
    }

    static McpSchema.CallToolResult toResult(ToolResult result) {
        McpSchema.CallToolResult.Builder builder = McpSchema.CallToolResult.builder()
                .content(result.content().stream().map(SdkContent::toSdk).toList())
                .isError(result.error());
        if (result.structured() != null) {
            builder.structuredContent(result.structured());
        }
        return builder.build();
    }

    static McpSchema.Content toSdk(Content content) {
        if (content instanceof Content.Text text) {
            return new McpSchema.TextContent(text.text());
        }
        if (content instanceof Content.Image image) {
            return new McpSchema.ImageContent(null, BASE64.encodeToString(image.data()), image.mimeType());
        }
        if (content instanceof Content.Audio audio) {
            return new McpSchema.AudioContent(null, BASE64.encodeToString(audio.data()), audio.mimeType());
        }
        if (content instanceof Content.Embedded embedded) {
            return new McpSchema.EmbeddedResource(null, toSdk(embedded.resource()));
        }
        Content.Link link = (Content.Link) content;
        return McpSchema.ResourceLink.builder().uri(link.uri()).name(link.name()).description(link.description())
                .mimeType(link.mimeType()).build();
    }

    static McpSchema.ResourceContents toSdk(ResourceContents contents) {
        return contents.blob() != null
                ? new McpSchema.BlobResourceContents(contents.uri(), contents.mimeType(),
                        BASE64.encodeToString(contents.blob()))
                : new McpSchema.TextResourceContents(contents.uri(), contents.mimeType(), contents.text());
    }

    /** The client's content (from sampling) in the API's terms; unknown kinds become their text form. */
    static Content fromSdk(McpSchema.Content content) {
        if (content instanceof McpSchema.TextContent text) {
            return Content.text(text.text());
        }
        if (content instanceof McpSchema.ImageContent image) {
            return Content.image(Base64.getDecoder().decode(image.data()), image.mimeType());
        }
        if (content instanceof McpSchema.AudioContent audio) {
            return Content.audio(Base64.getDecoder().decode(audio.data()), audio.mimeType());
        }
        return Content.text(String.valueOf(content));
    }
}
