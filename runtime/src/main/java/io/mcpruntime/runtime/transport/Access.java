package io.mcpruntime.runtime.transport;

import io.mcpruntime.runtime.auth.OAuthSettings;
import java.util.List;

/**
 * Who may talk to the HTTP endpoints: Host and Origin header values accepted besides loopback ones ({@code *}
 * accepts any), and how MCP requests authenticate: the bearer token they must carry, or the OAuth settings their
 * access tokens are checked with ({@code null} both: no authentication).
 */
public record Access(List<String> hosts, List<String> origins, String bearerToken, OAuthSettings oauth) {
}
