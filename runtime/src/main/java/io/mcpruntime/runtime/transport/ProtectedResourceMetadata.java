package io.mcpruntime.runtime.transport;

import io.mcpruntime.runtime.auth.OAuthSettings;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * This server's OAuth protected resource metadata (RFC 9728), which a client reads to find the authorization
 * server it must get a token from: the resource URL, the issuer, the scopes in use, header-only bearer tokens.
 * Served without authentication at {@code /.well-known/oauth-protected-resource} and at the form with the
 * resource's path appended.
 */
final class ProtectedResourceMetadata implements OpsEndpoint {
    private static final String PATH = "/.well-known/oauth-protected-resource";

    private final OAuthSettings settings;
    private final Supplier<Set<String>> scopesInUse;
    private final McpJsonMapper json;

    /** @param scopesInUse the scopes tools ask for now, besides the required ones */
    ProtectedResourceMetadata(OAuthSettings settings, Supplier<Set<String>> scopesInUse, McpJsonMapper json) {
        this.settings = settings;
        this.scopesInUse = scopesInUse;
        this.json = json;
    }

    /** The paths it answers at. */
    List<String> paths() {
        String suffixed = settings.metadataUrl().getRawPath();
        return suffixed.equals(PATH) ? List.of(PATH) : List.of(PATH, suffixed);
    }

    @Override
    public Answer get() {
        Set<String> scopes = new TreeSet<>(settings.requiredScopes());
        scopes.addAll(scopesInUse.get());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", settings.resource().toString());
        metadata.put("authorization_servers", List.of(settings.issuer().toString()));
        metadata.put("scopes_supported", List.copyOf(scopes));
        metadata.put("bearer_methods_supported", List.of("header"));
        try {
            return new Answer(200, "application/json", json.writeValueAsString(metadata));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
