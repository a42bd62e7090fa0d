package io.mcpruntime.api;

import java.util.Set;

/**
 * Who makes a call, as the runtime authenticated them: the subject of the caller's OAuth access token and the
 * scopes it grants. A call the runtime did not authenticate (stdio, or HTTP without OAuth) has the
 * {@link #ANONYMOUS} caller: no subject, no scopes.
 *
 * @param subject the token's {@code sub} claim, or {@code null} when the caller is anonymous
 * @param scopes the scopes the token grants (never {@code null})
 */
public record Caller(String subject, Set<String> scopes) {

    /** The caller of a call nobody authenticated. */
    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the caller was authenticated (has a subject). */
    public boolean authenticated() {
        return subject != null;
    }

    /** Whether the caller's token grants this scope. */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
