package io.mcpruntime.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.mcpruntime.api.Caller;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks bearer JWTs locally (Nimbus JOSE+JWT): signed with an asymmetric algorithm by a key in the issuer's JWKS
 * ({@code alg=none} and shared-secret algorithms are refused), {@code typ} JWT or at+jwt, {@code iss} the issuer,
 * {@code aud} naming this resource (RFC 8707), {@code exp}/{@code nbf} within the clock skew, a {@code sub}.
 *
 * <p>Keys are cached for five minutes; a token with a key id the cache lacks makes the source fetch the set again
 * (rotation), at most once per 30 s. While the JWKS endpoint is down the cached keys keep working for a day. Each
 * fetch is bounded by a 3 s connect and read timeout, so no request hangs on an unreachable issuer. Thread-safe.
 */
public final class AccessTokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenVerifier.class);
    private static final int HTTP_TIMEOUT_MS = 3_000;
    private static final int MAX_JWKS_BYTES = 512 * 1024;
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String resource;
    private final Duration clockSkew;

    public AccessTokenVerifier(OAuthSettings settings) {
        this.issuer = settings.issuer().toString();
        this.resource = settings.resource().toString();
        this.clockSkew = settings.clockSkew();
        DefaultResourceRetriever http = new DefaultResourceRetriever(HTTP_TIMEOUT_MS, HTTP_TIMEOUT_MS, MAX_JWKS_BYTES);
        DiscoveredJwkSetSource keys;
        try {
            keys = new DiscoveredJwkSetSource(settings.issuer(),
                    settings.jwksUrl() == null ? null : settings.jwksUrl().toURL(), http);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("The JWKS URL is not a URL: " + settings.jwksUrl(), e);
        }
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, JWKSourceBuilder.create(keys)
                .cache(Duration.ofMinutes(5).toMillis(), HTTP_TIMEOUT_MS * 2L)
                .refreshAheadCache(false)
                .rateLimited(Duration.ofSeconds(30).toMillis())
                .outageTolerant(Duration.ofDays(1).toMillis())
                .retrying(false)
                .build()));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                Set.of(resource), new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp"), null);
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The caller the token names; an {@link InvalidTokenException} with a client-safe reason if it is refused. */
    public Caller verify(String token) throws InvalidTokenException {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            return new Caller(claims.getSubject(), scopes(claims));
        } catch (ParseException e) {
            throw refused("The access token is not a JWT", e);
        } catch (KeySourceException e) {
            throw refused("The access token cannot be checked: the issuer's keys are not available", e);
        } catch (BadJWTException e) {
            throw refused(claimProblem(token), e);
        } catch (BadJOSEException | JOSEException e) {
            throw refused("The access token is not signed by a key of the issuer", e);
        }
    }

    private static InvalidTokenException refused(String reason, Exception cause) {
        LOG.debug("Refused an access token: {} ({})", reason, cause.toString());
        return new InvalidTokenException(reason, cause);
    }

    /**
     * Which claim check failed, in our own words: the signature was verified before the claims were, so reading
     * them here is safe. Nimbus's messages quote the token's values, which must not reach a client.
     */
    private String claimProblem(String token) {
        try {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            Instant now = Instant.now();
            if (claims.getExpirationTime() != null
                    && claims.getExpirationTime().toInstant().plus(clockSkew).isBefore(now)) {
                return "The access token has expired";
            } else if (claims.getNotBeforeTime() != null
                    && claims.getNotBeforeTime().toInstant().minus(clockSkew).isAfter(now)) {
                return "The access token is not valid yet";
            } else if (claims.getAudience() == null || !claims.getAudience().contains(resource)) {
                return "The access token is not meant for this server (aud)";
            } else if (!issuer.equals(claims.getIssuer())) {
                return "The access token is from another issuer";
            }
        } catch (ParseException e) {
            LOG.debug("A verified token's claims did not parse again", e);
        }
        return "The access token lacks a subject or an expiry";
    }

    /** RFC 9068's space-separated {@code scope}, or the {@code scp} list some servers send instead. */
    private static Set<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope") != null ? claims.getClaim("scope") : claims.getClaim("scp");
        if (scope instanceof String text) {
            return Arrays.stream(text.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        }
        return scope instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.toCollection(HashSet::new)) : Set.of();
    }
}
