package io.mcpruntime.runtime.transport;

import io.mcpruntime.api.Caller;
import io.mcpruntime.runtime.auth.AccessTokenVerifier;
import io.mcpruntime.runtime.auth.InvalidTokenException;
import io.mcpruntime.runtime.auth.OAuthSettings;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OAuth 2.1 resource server's check ({@code auth=oauth}), as the MCP authorization spec describes it: a request
 * without a bearer token, or with one that {@link AccessTokenVerifier} refuses, gets 401 with
 * {@code WWW-Authenticate: Bearer resource_metadata="..."} pointing at this server's RFC 9728 metadata; a valid
 * token that lacks a required scope gets 403 {@code insufficient_scope} naming the scopes. An admitted request
 * carries its {@link Caller} as the {@link #CALLER} attribute. Bodies are fixed JSON-RPC errors.
 */
final class OAuthFilter extends HttpFilter {
    /** The request attribute holding the admitted request's {@link Caller}. */
    static final String CALLER = "mcp.caller";
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "Bearer ";

    private final transient AccessTokenVerifier verifier;
    private final transient OAuthSettings settings;
    private final transient Set<String> requiredScopes;

    /** @param requiredScopes what the tokens of the endpoints behind this filter must grant */
    OAuthFilter(AccessTokenVerifier verifier, OAuthSettings settings, Set<String> requiredScopes) {
        this.verifier = verifier;
        this.settings = settings;
        this.requiredScopes = Set.copyOf(requiredScopes);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || header.substring(PREFIX.length()).isBlank()) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "",
                    "Unauthorized: send Authorization: Bearer <access token>");
            return;
        }
        Caller caller;
        try {
            caller = verifier.verify(header.substring(PREFIX.length()).trim());
        } catch (InvalidTokenException e) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, ", error=\"invalid_token\", error_description=\""
                    + e.getMessage() + '"', "Unauthorized: " + e.getMessage());
            return;
        }
        if (!caller.scopes().containsAll(requiredScopes)) {
            insufficientScope(response, requiredScopes);
            return;
        }
        request.setAttribute(CALLER, caller);
        chain.doFilter(request, response);
    }

    /** 403 for a token without the scopes something needs (RFC 6750 section 3.1). */
    void insufficientScope(HttpServletResponse response, Collection<String> needed) throws IOException {
        String scopes = String.join(" ", new TreeSet<>(needed));
        refuse(response, HttpServletResponse.SC_FORBIDDEN, ", error=\"insufficient_scope\", scope=\"" + scopes + '"',
                "Forbidden: the access token lacks scope " + scopes);
    }

    /** @param challenge the challenge's parameters after resource_metadata (fixed texts, so no quoting needed) */
    private void refuse(HttpServletResponse response, int status, String challenge, String message)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer resource_metadata=\"" + settings.metadataUrl() + '"'
                + challenge);
        JsonRpcErrors.write(response, status, McpSchema.ErrorCodes.INVALID_REQUEST, message);
    }
}
