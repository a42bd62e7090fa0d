package io.mcpruntime.api;

/**
 * One piece of a tool result or prompt message: text, an image, audio, an embedded resource, or a link to a
 * resource. Create them with the static factories.
 */
public sealed interface Content
        permits Content.Text, Content.Image, Content.Audio, Content.Embedded, Content.Link {

    static Text text(String text) {
        return new Text(text);
    }

    static Image image(byte[] data, String mimeType) {
        return new Image(data, mimeType);
    }

    static Audio audio(byte[] data, String mimeType) {
        return new Audio(data, mimeType);
    }

    static Embedded embedded(ResourceContents resource) {
        return new Embedded(resource);
    }

    static Link link(String uri, String name, String description, String mimeType) {
        return new Link(uri, name, description, mimeType);
    }

    /** Plain text. */
    record Text(String text) implements Content {
    }

    /** An image; the runtime sends it base64-encoded. */
    record Image(byte[] data, String mimeType) implements Content {
    }

    /** An audio clip; the runtime sends it base64-encoded. */
    record Audio(byte[] data, String mimeType) implements Content {
    }

    /** A resource's contents, embedded in the result. */
    record Embedded(ResourceContents resource) implements Content {
    }

    /** A pointer to a resource the client can read. */
    record Link(String uri, String name, String description, String mimeType) implements Content {
    }
}
