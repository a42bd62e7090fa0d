package io.mcpruntime.runtime.framework;

import java.nio.file.Path;

/**
 * Which plugin jars may run: any (no check), or only those signed by a certificate that chains to the truststore.
 *
 * @param signed whether every plugin jar must be signed ({@code plugin-trust=signed})
 * @param truststore a PKCS12 keystore or a folder of PEM certificates; required when signed
 * @param password the keystore's password, or {@code null}
 */
public record PluginTrust(boolean signed, Path truststore, String password) {
    public static final PluginTrust ANY = new PluginTrust(false, null, null);

    @Override
    public String toString() {
        return signed ? "signed (truststore " + truststore + ")" : "any";
    }
}
