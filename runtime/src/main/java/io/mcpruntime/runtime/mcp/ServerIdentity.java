package io.mcpruntime.runtime.mcp;

import java.time.Duration;

/**
 * How the runtime introduces itself in {@code initialize}, the JSON plumbing its servers share, and how long a
 * server-to-client request (sampling, elicitation, roots) may take.
 */
public record ServerIdentity(String name, String version, SdkJson json, Duration clientRequestTimeout) {
}
