package io.mcpruntime.runtime.framework;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** The certificates an operator trusts to sign plugins: a PKCS12 (or JKS) keystore, or a folder of PEM files. */
final class PluginTruststore {
    private PluginTruststore() {
    }

    /**
     * Reads the certificates, failing with a message that names the file when there are none to trust.
     *
     * @param password the keystore's password, or {@code null} (a PEM folder has none)
     */
    static List<X509Certificate> load(Path location, char[] password) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                readPemFolder(location, certificates);
            } else {
                KeyStore store = KeyStore.getInstance(location.toFile(), password);
                for (String alias : Collections.list(store.aliases())) {
                    if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                        certificates.add(certificate);
                    }
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("cannot read the plugin truststore " + location + ": " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IOException("the plugin truststore " + location + " holds no certificate"
                    + (Files.isDirectory(location) ? " (*.pem, *.crt, *.cer)" : " (is its password set?)"));
        }
        return certificates;
    }

    private static void readPemFolder(Path folder, List<X509Certificate> certificates)
            throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(pem|crt|cer)$")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate certificate : factory.generateCertificates(in)) {
                        certificates.add((X509Certificate) certificate);
                    }
                }
            }
        }
    }
}
