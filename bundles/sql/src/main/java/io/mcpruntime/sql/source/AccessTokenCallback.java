package io.mcpruntime.sql.source;

import com.microsoft.sqlserver.jdbc.SQLServerAccessTokenCallback;
import com.microsoft.sqlserver.jdbc.SqlAuthenticationToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands mssql-jdbc an Entra ID access token the operator supplies (variable, file or command) each time the driver
 * opens a connection, so neither azure-identity nor MSAL is needed. The token's expiry is read from its JWT
 * {@code exp} claim; the pool's max lifetime keeps connections younger than the tokens that opened them.
 */
final class AccessTokenCallback implements SQLServerAccessTokenCallback {
    private static final Pattern EXPIRY = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");
    private static final Duration UNKNOWN_EXPIRY = Duration.ofMinutes(30);

    private final Secret token;

    AccessTokenCallback(Secret token) {
        if (!token.isSet()) {
            throw new IllegalArgumentException("token authentication needs tokenEnv, tokenFile or tokenCommand");
        }
        this.token = token;
    }

    @Override
    public SqlAuthenticationToken getAccessToken(String spn, String stsurl) {
        try {
            String text = token.read();
            return new SqlAuthenticationToken(text, expiryOf(text).toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the access token: " + e.getMessage(), e);
        }
    }

    static Instant expiryOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length >= 2) {
            try {
                String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                Matcher exp = EXPIRY.matcher(claims);
                if (exp.find()) {
                    return Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
                }
            } catch (IllegalArgumentException e) {
                // not a JWT: fall through to the assumed lifetime
            }
        }
        return Instant.now().plus(UNKNOWN_EXPIRY);
    }
}
