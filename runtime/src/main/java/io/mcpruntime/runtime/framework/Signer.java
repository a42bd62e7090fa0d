package io.mcpruntime.runtime.framework;

/**
 * Who signed a plugin jar: the signing certificate's subject and its SHA-256 fingerprint, written as
 * {@code keytool -printcert} writes it, so an operator can compare the two.
 */
public record Signer(String subject, String sha256) {
}
