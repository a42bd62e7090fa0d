package io.mcpruntime.runtime.transport;

/** An operations endpoint (health, metrics) served over HTTP next to /mcp: computes its answer on each GET. */
@FunctionalInterface
public interface OpsEndpoint {

    Answer get();

    /** What the endpoint answers. */
    record Answer(int status, String contentType, String body) {
    }
}
