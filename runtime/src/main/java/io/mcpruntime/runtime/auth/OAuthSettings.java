package io.mcpruntime.runtime.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How the runtime checks OAuth 2.1 access tokens as a resource server ({@code auth=oauth}).
 *
 * @param issuer the authorization server's issuer identifier; tokens must carry it as {@code iss}
 * @param jwksUrl where the issuer's signing keys are, or {@code null} to read {@code jwks_uri} from its metadata
 * @param resource this server's URL as clients reach it (RFC 8707); tokens must name it in {@code aud}
 * @param requiredScopes scopes every request's token must grant
 * @param clockSkew how far {@code exp} and {@code nbf} may be off
 * @param toolScopes the operator's scopes for tools: tool-name pattern ({@code *} for anything) to scopes
 * @param operatorScope the scope a token needs, besides the required ones, for the operator's endpoints (the
 *     console, which installs plugins): a client's token must not be enough to run code in the kernel
 */
public record OAuthSettings(URI issuer, URI jwksUrl, URI resource, Set<String> requiredScopes, Duration clockSkew,
        Map<String, Set<String>> toolScopes, String operatorScope) {

    public OAuthSettings {
        requiredScopes = Set.copyOf(requiredScopes);
        toolScopes = Map.copyOf(toolScopes);
    }

    /**
     * Where this resource's metadata is (RFC 9728 section 3.1): {@code /.well-known/oauth-protected-resource}
     * inserted between the resource URL's host and its path.
     */
    public URI metadataUrl() {
        return WellKnown.of(resource, "oauth-protected-resource");
    }
}
