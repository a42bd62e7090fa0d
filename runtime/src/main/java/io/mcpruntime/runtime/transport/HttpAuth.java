package io.mcpruntime.runtime.transport;

import io.mcpruntime.runtime.auth.AccessTokenVerifier;
import io.mcpruntime.runtime.auth.OAuthSettings;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.mcpruntime.api.Caller;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * How HTTP requests to protected endpoints (MCP, and anything else mounted behind it) authenticate, as one servlet
 * filter to put in front of each: nothing, the static bearer token, or OAuth 2.1 access tokens
 * ({@link OAuthFilter}, one verifier and key cache for all endpoints). In OAuth mode it also serves the protected
 * resource metadata the 401 answers point at.
 */
public final class HttpAuth {
    private final Filter filter;
    private final Filter operatorFilter;
    private final OAuthSettings oauth;

    public HttpAuth(Access access) {
        this.oauth = access.oauth();
        if (oauth != null) {
            AccessTokenVerifier verifier = new AccessTokenVerifier(oauth);
            Set<String> operatorScopes = new TreeSet<>(oauth.requiredScopes());
            operatorScopes.add(oauth.operatorScope());
            this.filter = new OAuthFilter(verifier, oauth, oauth.requiredScopes());
            this.operatorFilter = new OAuthFilter(verifier, oauth, operatorScopes);
        } else {
            this.filter = access.bearerToken() != null ? new BearerTokenFilter(access.bearerToken()) : null;
            this.operatorFilter = filter;
        }
    }

    /** The filter protected endpoints go behind, or empty when requests need no authentication. */
    public Optional<Filter> filter() {
        return Optional.ofNullable(filter);
    }

    /**
     * The filter of the operator's endpoints (the console): the same check, and under OAuth a token must also grant
     * the operator scope, since an operator installs code; with the static token, that token is the operator's.
     */
    public Optional<Filter> operatorFilter() {
        return Optional.ofNullable(operatorFilter);
    }

    /** The caller an OAuth-checked request was admitted as, or {@link Caller#ANONYMOUS}. */
    public static Caller caller(ServletRequest request) {
        return request.getAttribute(OAuthFilter.CALLER) instanceof Caller caller ? caller : Caller.ANONYMOUS;
    }

    /** The RFC 9728 metadata endpoints (unauthenticated), by path; none unless OAuth is on. */
    Map<String, OpsEndpoint> metadataEndpoints(McpJsonMapper json, Supplier<Set<String>> scopesInUse) {
        Map<String, OpsEndpoint> endpoints = new LinkedHashMap<>();
        if (oauth != null) {
            ProtectedResourceMetadata metadata = new ProtectedResourceMetadata(oauth, scopesInUse, json);
            metadata.paths().forEach(path -> endpoints.put(path, metadata));
        }
        return endpoints;
    }
}
