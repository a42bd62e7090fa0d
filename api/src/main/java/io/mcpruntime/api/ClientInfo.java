package io.mcpruntime.api;

/** The connected client as it introduced itself, and which requests it accepts from the server. */
public record ClientInfo(String name, String version, boolean sampling, boolean elicitation, boolean roots) {
}
