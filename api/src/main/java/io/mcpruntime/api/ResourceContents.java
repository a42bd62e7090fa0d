package io.mcpruntime.api;

/**
 * The contents of a resource: text or binary (a blob), with its URI and MIME type.
 *
 * @param uri the resource's URI
 * @param mimeType its MIME type, or {@code null}
 * @param text the text, for a text resource (else {@code null})
 * @param blob the bytes, for a binary resource (else {@code null}); sent base64-encoded
 */
public record ResourceContents(String uri, String mimeType, String text, byte[] blob) {

    public static ResourceContents text(String uri, String mimeType, String text) {
        return new ResourceContents(uri, mimeType, text, null);
    }

    public static ResourceContents blob(String uri, String mimeType, byte[] blob) {
        return new ResourceContents(uri, mimeType, null, blob);
    }
}
