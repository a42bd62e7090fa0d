package io.mcpruntime.runtime.mcp;

/** How the runtime introduces itself in {@code initialize}, and the JSON plumbing its servers share. */
public record ServerIdentity(String name, String version, SdkJson json) {
}
