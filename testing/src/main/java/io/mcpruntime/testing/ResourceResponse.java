package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Base64;

/** The result of a {@code resources/read}: its first (usually only) contents. */
public final class ResourceResponse {
    private final McpSchema.ReadResourceResult result;

    ResourceResponse(McpSchema.ReadResourceResult result) {
        this.result = result;
    }

    private McpSchema.ResourceContents first() {
        if (result.contents().isEmpty()) {
            throw new AssertionError("The resource has no contents");
        }
        return result.contents().get(0);
    }

    /** The text, or null for a binary resource. */
    public String text() {
        return first() instanceof McpSchema.TextResourceContents text ? text.text() : null;
    }

    /** The bytes of a binary resource, or null for a text resource. */
    public byte[] bytes() {
        return first() instanceof McpSchema.BlobResourceContents blob ? Base64.getDecoder().decode(blob.blob()) : null;
    }

    public String mimeType() {
        return first().mimeType();
    }

    public McpSchema.ReadResourceResult sdkResult() {
        return result;
    }

    public ResourceResponse assertText(String expected) {
        assertEquals(expected, text(), "text of the resource");
        return this;
    }

    public ResourceResponse assertMimeType(String expected) {
        assertEquals(expected, mimeType(), "MIME type of the resource");
        return this;
    }
}
