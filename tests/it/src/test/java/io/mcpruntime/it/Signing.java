package io.mcpruntime.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Keys, certificates and signed jars made with the JDK's own keytool and jarsigner, as a plugin author would. */
final class Signing {
    static final String PASSWORD = "changeit";
    private final Path dir;

    Signing(Path dir) {
        this.dir = dir;
    }

    Path keystore(String alias) {
        return dir.resolve(alias + ".p12");
    }

    /** A self-signed certificate authority (or an unknown self-signed signer when {@code ca} is false). */
    void selfSigned(String alias, String dname, boolean ca) throws Exception {
        selfSigned(alias, dname, ca, "-1d", 3650);
    }

    /** A self-signed certificate valid from {@code startDate} (keytool's -startdate) for days. */
    void selfSigned(String alias, String dname, boolean ca, String startDate, int days) throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", keystore(alias).toString(),
                "-storepass", PASSWORD, "-alias", alias, "-dname", dname, "-keyalg", "EC", "-startdate", startDate,
                "-validity", Integer.toString(days)));
        if (ca) {
            args.addAll(List.of("-ext", "bc:c"));
        }
        tool("keytool", args);
    }

    /** A code-signing certificate issued by the CA, valid from {@code startDate} (keytool's -startdate) for days. */
    void issued(String alias, String dname, String ca, String startDate, int days) throws Exception {
        tool("keytool", List.of("-genkeypair", "-keystore", keystore(alias).toString(), "-storepass", PASSWORD,
                "-alias", alias, "-dname", dname, "-keyalg", "EC"));
        Path request = dir.resolve(alias + ".csr");
        Path chain = dir.resolve(alias + "-chain.pem");
        tool("keytool", List.of("-certreq", "-keystore", keystore(alias).toString(), "-storepass", PASSWORD,
                "-alias", alias, "-file", request.toString()));
        tool("keytool", List.of("-gencert", "-keystore", keystore(ca).toString(), "-storepass", PASSWORD,
                "-alias", ca, "-infile", request.toString(), "-outfile", chain.toString(), "-rfc",
                "-startdate", startDate, "-validity", Integer.toString(days), "-ext", "ku:c=dig",
                "-ext", "eku=codeSigning"));
        Files.writeString(chain, Files.readString(certificate(ca)) + Files.readString(chain));
        tool("keytool", List.of("-importcert", "-keystore", keystore(alias).toString(), "-storepass", PASSWORD,
                "-alias", alias, "-file", chain.toString(), "-noprompt"));
    }

    /** The certificate of the alias, as PEM. */
    Path certificate(String alias) throws Exception {
        Path pem = dir.resolve(alias + ".pem");
        if (!Files.exists(pem)) {
            tool("keytool", List.of("-exportcert", "-keystore", keystore(alias).toString(), "-storepass", PASSWORD,
                    "-alias", alias, "-rfc", "-file", pem.toString()));
        }
        return pem;
    }

    /** A PKCS12 truststore holding the alias's certificate. */
    Path truststore(String alias) throws Exception {
        Path store = dir.resolve("truststore.p12");
        tool("keytool", List.of("-importcert", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-alias", alias, "-file", certificate(alias).toString(), "-noprompt"));
        return store;
    }

    /** Signs the jar in place with the alias's key. */
    Path sign(Path jar, String alias) throws Exception {
        tool("jarsigner", List.of("-keystore", keystore(alias).toString(), "-storepass", PASSWORD,
                jar.toString(), alias));
        return jar;
    }

    /**
     * Rewrites the jar entry by entry (its signature files included), replacing text in one entry and adding
     * another entry if named: what an attacker does to a signed jar.
     */
    static Path rewrite(Path jar, Path target, String entry, String from, String to, String added)
            throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    bytes = new String(bytes, StandardCharsets.ISO_8859_1).replace(from, to)
                            .getBytes(StandardCharsets.ISO_8859_1);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
            }
            if (added != null) {
                out.putNextEntry(new ZipEntry(added));
                out.write("slipped in".getBytes(StandardCharsets.UTF_8));
            }
        }
        return target;
    }

    private void tool(String name, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(name + " " + args + " failed: " + Files.readString(dir.resolve(name + ".log")));
        }
    }
}
