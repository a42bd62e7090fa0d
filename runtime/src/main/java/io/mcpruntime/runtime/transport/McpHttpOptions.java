package io.mcpruntime.runtime.transport;

import java.time.Duration;

/**
 * How MCP is served over HTTP.
 *
 * @param maxBodyBytes larger request bodies get 413
 * @param sessionIdleTimeout a session without an open stream for this long (up to twice that) is forgotten; its id
 *     then gets 404
 * @param legacySse whether to serve the legacy SSE endpoints (sessions only)
 * @param stateless one request, one response, no sessions: for deployments behind a load balancer
 * @param nodeId this node's name in a cluster, put in front of its session ids and legacy SSE message paths so a
 *     proxy can pin sessions; {@code null} outside a cluster
 */
public record McpHttpOptions(int maxBodyBytes, Duration sessionIdleTimeout, boolean legacySse, boolean stateless,
        String nodeId) {
}
