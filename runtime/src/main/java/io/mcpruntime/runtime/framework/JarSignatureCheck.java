package io.mcpruntime.runtime.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Whether a plugin jar is wholly signed, unchanged since, by a certificate that chains to the operator's
 * truststore. The JDK verifies the signature ({@link JarFile} with verification on, every entry read); the chain is
 * checked with the PKIX {@link CertPathValidator}, without revocation (no network at load time). The signing
 * certificate must be valid now: a timestamp does not extend it.
 */
final class JarSignatureCheck {
    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final String ANY_USAGE = "2.5.29.37.0";

    private final List<X509Certificate> trusted;
    private final Set<TrustAnchor> anchors;

    JarSignatureCheck(List<X509Certificate> trusted) {
        this.trusted = List.copyOf(trusted);
        this.anchors = trusted.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
    }

    /** The outcome: the signer, or why the jar is refused. */
    record Verdict(Signer signer, String refusal) {
        static Verdict refused(String why) {
            return new Verdict(null, why);
        }
    }

    Verdict check(Path file) {
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            Set<CodeSigner> common = null;
            String unsigned = null;
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                // reading an entry is what makes the JDK compare it with its signed digest
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (SecurityException e) {
                    return Verdict.refused("was changed after it was signed: " + entry.getName()
                            + " does not match its signature");
                }
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null) {
                    unsigned = unsigned == null ? entry.getName() : unsigned;
                } else if (common == null) {
                    common = new LinkedHashSet<>(List.of(signers));
                } else {
                    common.retainAll(List.of(signers));
                }
            }
            if (common == null) {
                return Verdict.refused("is not signed");
            }
            if (unsigned != null || common.isEmpty()) {
                return Verdict.refused("is only partly signed: " + (unsigned != null
                        ? unsigned + " is not covered by the signature" : "no signer covers every entry"));
            }
            String firstRefusal = null;
            for (CodeSigner signer : common) {
                String refusal = refusalOf(signer.getSignerCertPath());
                if (refusal == null) {
                    return new Verdict(signerOf(leaf(signer.getSignerCertPath())), null);
                }
                firstRefusal = firstRefusal == null ? refusal : firstRefusal;
            }
            return Verdict.refused(firstRefusal);
        } catch (SecurityException e) {
            return Verdict.refused("was changed after it was signed: its manifest does not match its signature");
        } catch (IOException e) {
            return Verdict.refused("cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The manifest's signature files (META-INF/*.SF, its signature blocks); not themselves signed. */
    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.matches(".*\\.(SF|RSA|DSA|EC)$") || upper.startsWith("META-INF/SIG-"));
    }

    /** Why the chain is not trusted now, or {@code null}. */
    private String refusalOf(CertPath path) {
        X509Certificate leaf = leaf(path);
        String who = " (" + describe(leaf) + ")";
        List<X509Certificate> untrusted = new ArrayList<>();
        List<X509Certificate> mustBeValid = new ArrayList<>();
        for (var certificate : path.getCertificates()) {
            mustBeValid.add((X509Certificate) certificate);
            if (trusted.contains(certificate)) {
                // the chain reaches the truststore: what comes after is not ours to check, but the trusted certificate
                // itself is (a pinned signer, or its CA), as PKIX does not check the validity of its anchors
                break;
            }
            untrusted.add((X509Certificate) certificate);
        }
        try {
            for (X509Certificate certificate : mustBeValid) {
                certificate.checkValidity();
            }
        } catch (CertificateExpiredException e) {
            return "is signed by an expired certificate" + who;
        } catch (CertificateNotYetValidException e) {
            return "is signed by a certificate that is not valid yet" + who;
        }
        if (!meantForCodeSigning(leaf)) {
            return "is signed by a certificate not meant for code signing" + who;
        }
        if (untrusted.isEmpty()) {
            return null; // the signing certificate itself is in the truststore
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(untrusted), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    ? "is signed by an expired certificate" + who
                    : "is signed by an unknown certificate" + who + ": it does not chain to the plugin truststore";
        } catch (GeneralSecurityException e) {
            return "is signed by a certificate that cannot be checked" + who;
        }
    }

    private static boolean meantForCodeSigning(X509Certificate leaf) {
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && !keyUsage[0]) {
            return false;
        }
        try {
            List<String> extended = leaf.getExtendedKeyUsage();
            return extended == null || extended.contains(CODE_SIGNING) || extended.contains(ANY_USAGE);
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    private static X509Certificate leaf(CertPath path) {
        return (X509Certificate) path.getCertificates().get(0);
    }

    private static String describe(X509Certificate certificate) {
        Signer signer = signerOf(certificate);
        return signer.subject() + ", SHA-256 " + signer.sha256();
    }

    static Signer signerOf(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Signer(certificate.getSubjectX500Principal().getName(),
                    HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 of a certificate", e);
        }
    }
}
