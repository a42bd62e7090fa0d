package io.mcpruntime.api;

/** A root the client exposes: a URI (usually {@code file://}) and an optional name. */
public record Root(String uri, String name) {
}
