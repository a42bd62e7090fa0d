package io.mcpruntime.runtime.console;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's CSRF token: random per server start, handed out only in the (authenticated, same-origin) state
 * answer, and required in the {@value #HEADER} header of every request that changes something. A cross-site page
 * can make the browser send the cookie, but can neither read the token nor set the header.
 */
final class CsrfToken {
    static final String HEADER = "X-Console-Csrf";

    private final String value;

    CsrfToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String value() {
        return value;
    }

    /** Whether the request carries the token (compared in constant time). */
    boolean carriedBy(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
