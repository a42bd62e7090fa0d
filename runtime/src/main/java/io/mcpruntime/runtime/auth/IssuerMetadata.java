package io.mcpruntime.runtime.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * Finds an authorization server's {@code jwks_uri} in its metadata: RFC 8414's
 * {@code /.well-known/oauth-authorization-server} (inserted before the issuer's path), then OpenID Connect's
 * {@code <issuer>/.well-known/openid-configuration}. The metadata must name the same issuer (RFC 8414 section 3.3),
 * or anyone serving a lookalike document could choose the keys.
 */
final class IssuerMetadata {
    private IssuerMetadata() {
    }

    /** The issuer's JWKS URL; an IOException when no metadata document answers or none names one. */
    static URL jwksUrl(URI issuer, ResourceRetriever http) throws IOException {
        IOException last = null;
        for (URI document : documents(issuer)) {
            try {
                Map<String, Object> metadata = JSONObjectUtils.parse(http.retrieveResource(document.toURL()).getContent());
                if (!issuer.toString().equals(metadata.get("issuer"))) {
                    throw new IOException(document + " names another issuer");
                }
                Object jwks = metadata.get("jwks_uri");
                if (jwks instanceof String url) {
                    return URI.create(url).toURL();
                }
                throw new IOException(document + " names no jwks_uri");
            } catch (IOException | ParseException | IllegalArgumentException e) {
                last = new IOException("issuer metadata " + document + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }

    private static List<URI> documents(URI issuer) {
        return List.of(WellKnown.of(issuer, "oauth-authorization-server"),
                URI.create(issuer.toString().replaceAll("/$", "") + "/.well-known/openid-configuration"));
    }
}
