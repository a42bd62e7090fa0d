package io.mcpruntime.runtime.auth;

import java.net.URI;

/** Well-known locations as RFC 8414 and RFC 9728 build them: the well-known segment goes between host and path. */
final class WellKnown {
    private WellKnown() {
    }

    /** e.g. {@code https://h/mcp} and {@code oauth-protected-resource} give {@code https://h/.well-known/oauth-protected-resource/mcp}. */
    static URI of(URI base, String name) {
        String path = base.getRawPath() == null || base.getRawPath().equals("/") ? "" : base.getRawPath();
        return base.resolve("/.well-known/" + name + path);
    }
}
