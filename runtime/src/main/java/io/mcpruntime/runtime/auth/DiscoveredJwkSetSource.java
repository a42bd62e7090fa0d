package io.mcpruntime.runtime.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;

/**
 * The issuer's key set from a JWKS URL that is either configured or read from the issuer's metadata the first time
 * keys are needed (and again on later fetches until that succeeds), so a server starts while its authorization
 * server is down. Caching, rate limiting and outage tolerance wrap this source (see {@link AccessTokenVerifier}).
 */
final class DiscoveredJwkSetSource implements JWKSetSource<SecurityContext> {
    private final URI issuer;
    private final ResourceRetriever http;
    private volatile URLBasedJWKSetSource<SecurityContext> keys;

    DiscoveredJwkSetSource(URI issuer, URL jwksUrl, ResourceRetriever http) {
        this.issuer = issuer;
        this.http = http;
        this.keys = jwksUrl == null ? null : new URLBasedJWKSetSource<>(jwksUrl, http);
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
            throws KeySourceException {
        URLBasedJWKSetSource<SecurityContext> source = keys;
        if (source == null) {
            try {
                source = new URLBasedJWKSetSource<>(IssuerMetadata.jwksUrl(issuer, http), http);
            } catch (IOException e) {
                throw new KeySourceException("No JWKS URL from the issuer's metadata: " + e.getMessage(), e);
            }
            keys = source;
        }
        return source.getJWKSet(refresh, currentTime, context);
    }

    @Override
    public void close() {
    }
}
