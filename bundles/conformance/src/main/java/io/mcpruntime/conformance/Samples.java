package io.mcpruntime.conformance;

import java.util.Base64;

/** The small binary payloads the conformance suite expects: a 1x1 PNG and a silent WAV. */
final class Samples {
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    static final byte[] WAV = Base64.getDecoder().decode(
            "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=");

    private Samples() {
    }
}
