package io.mcpruntime.runtime.transport;

import java.util.List;

/**
 * Who may talk to the HTTP endpoints: Host and Origin header values accepted besides loopback ones ({@code *}
 * accepts any), and the bearer token MCP requests must carry ({@code null}: none).
 */
public record Access(List<String> hosts, List<String> origins, String bearerToken) {
}
