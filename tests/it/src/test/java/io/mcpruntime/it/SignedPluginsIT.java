package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --plugin-trust signed}: jars signed with keytool/jarsigner-made keys at test time. Only the jar signed by
 * a certificate that chains to the truststore serves, with its signer shown; unsigned, partly signed, tampered,
 * unknown-signer and expired-signer jars are refused with their reason; a tampered replacement leaves the old
 * version serving.
 */
class SignedPluginsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GREETER_CLASS = "io/mcpruntime/fixtures/GreeterTools.class";
    private static final String SIGNER = "CN=Acme Plugins,O=Acme";

    @TempDir
    Path keys;
    @TempDir
    Path jars;
    @TempDir
    Path plugins;

    @Test
    void onlyJarsSignedByATrustedCertificateRun() throws Exception {
        Signing signing = new Signing(keys);
        signing.selfSigned("ca", "CN=Acme Test CA", true);
        signing.issued("acme", SIGNER, "ca", "-1d", 365);
        signing.issued("lapsed", "CN=Lapsed Plugins", "ca", "-400d", 30);
        signing.selfSigned("stranger", "CN=Stranger", false);
        Path truststore = signing.truststore("ca");
        Path passwordFile = Files.writeString(keys.resolve("truststore.password"), Signing.PASSWORD);

        signing.sign(Fixtures.withBundleVersion("greeter.jar", "1.0.0", plugins.resolve("greeter.jar")), "acme");
        plugin("unsigned", plugins.resolve("unsigned.jar"));
        Signing.rewrite(signing.sign(plugin("partly", jars.resolve("partly.jar")), "acme"),
                plugins.resolve("partly.jar"), "none", "", "", "io/mcpruntime/fixtures/Extra.class");
        Signing.rewrite(signing.sign(plugin("tampered", jars.resolve("tampered.jar")), "acme"),
                plugins.resolve("tampered.jar"), GREETER_CLASS, "Hello, ", "Hacked ", null);
        signing.sign(plugin("stranger", plugins.resolve("stranger.jar")), "stranger");
        signing.sign(plugin("lapsed", plugins.resolve("lapsed.jar")), "lapsed");

        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, "--plugin-trust", "signed",
                "--plugin-truststore", truststore.toString(), "--plugin-truststore-password-file",
                passwordFile.toString())) {
            String endpoint = runtime.endpoint();
            runtime.awaitStderr(Pattern.compile("Plugin file tampered\\.jar was changed after it was signed: "
                    + Pattern.quote(GREETER_CLASS) + " does not match its signature; it is not started"), WAIT);

            JsonNode health = JSON.readTree(RawHttp.get(URI.create(endpoint).resolve("/health")).body());
            assertEquals("DEGRADED", health.get("status").asText(), health.toString());
            assertEquals("signed", health.get("pluginTrust").asText());
            Map<String, JsonNode> byFile = new HashMap<>();
            health.get("plugins").forEach(p -> byFile.put(p.get("file").asText(), p));
            assertEquals("is not signed", problem(byFile, "unsigned.jar"));
            assertEquals("is only partly signed: io/mcpruntime/fixtures/Extra.class is not covered by the signature",
                    problem(byFile, "partly.jar"));
            assertEquals("was changed after it was signed: " + GREETER_CLASS + " does not match its signature",
                    problem(byFile, "tampered.jar"));
            assertTrue(problem(byFile, "stranger.jar").matches("is signed by an unknown certificate \\(CN=Stranger, "
                    + "SHA-256 [0-9A-F:]{95}\\): it does not chain to the plugin truststore"),
                    problem(byFile, "stranger.jar"));
            assertTrue(problem(byFile, "lapsed.jar").startsWith("is signed by an expired certificate "
                    + "(CN=Lapsed Plugins, SHA-256 "), problem(byFile, "lapsed.jar"));
            for (String refused : List.of("unsigned.jar", "partly.jar", "tampered.jar", "stranger.jar", "lapsed.jar")) {
                assertEquals("REJECTED", byFile.get(refused).get("state").asText(), refused);
            }
            JsonNode greeter = byFile.get("greeter.jar");
            assertEquals("ACTIVE", greeter.get("state").asText(), greeter.toString());
            assertTrue(greeter.get("problem").isNull(), greeter.toString());
            assertEquals(SIGNER, greeter.get("signer").get("subject").asText());
            String fingerprint = greeter.get("signer").get("sha256").asText();
            assertTrue(fingerprint.matches("[0-9A-F:]{95}"), fingerprint);

            try (McpSyncClient client = Clients.sync(Clients.http(endpoint))) {
                assertEquals(List.of("greeter_hello"), Clients.pluginToolNames(client));
                assertEquals("Hello, Ann from greeter 1.0.0",
                        Clients.text(Clients.call(client, "greeter_hello", Map.of("name", "Ann"))));
                assertEquals("is not signed", Clients.pluginStatus(client, "unsigned.jar").get("problem"));
                assertEquals(Map.of("subject", SIGNER, "sha256", fingerprint),
                        Clients.pluginStatus(client, "greeter.jar").get("signer"));
                Map<?, ?> registered = Clients.audit(client).stream()
                        .filter(e -> "registered".equals(e.get("action"))).findFirst().orElseThrow();
                assertEquals(Map.of("subject", SIGNER, "sha256", fingerprint), registered.get("signer"));
                runtime.awaitStderr(Pattern.compile("action=registered plugin=\\S+ version=1\\.0\\.0 jar=greeter\\.jar "
                        + "sha256=\\S+ signer=\"" + Pattern.quote(SIGNER) + "\" signerSha256=" + fingerprint + " "),
                        WAIT);

                // a tampered copy of a properly signed next version replaces the trusted jar: refused, 1.0.0 serves
                Path next = signing.sign(Fixtures.withBundleVersion("greeter.jar", "2.0.0",
                        jars.resolve("greeter-2.jar")), "acme");
                replace(Signing.rewrite(next, jars.resolve("greeter-2-tampered.jar"), GREETER_CLASS, "Hello, ",
                        "Hacked ", null), plugins.resolve("greeter.jar"));
                runtime.awaitStderr(Pattern.compile("Plugin file greeter\\.jar was changed after it was signed: .*"
                        + "it is not started \\(version 1\\.0\\.0 keeps serving\\)"), WAIT);
                assertEquals("Hello, Bob from greeter 1.0.0",
                        Clients.text(Clients.call(client, "greeter_hello", Map.of("name", "Bob"))));
                Map<?, ?> status = Clients.pluginStatus(client, "greeter.jar");
                assertEquals("ACTIVE", status.get("state"));
                assertEquals("its replacement was changed after it was signed: " + GREETER_CLASS
                        + " does not match its signature; 1.0.0 keeps serving", status.get("problem"));

                // the untampered 2.0.0 is trusted and takes over
                replace(next, plugins.resolve("greeter.jar"));
                Clients.awaitText(client, "greeter_hello", Map.of("name", "Cy"), "Hello, Cy from greeter 2.0.0", WAIT);
                assertEquals(null, Clients.pluginStatus(client, "greeter.jar").get("problem"));
            }
            assertTrue(runtime.isAlive());
        }
    }

    @Test
    void aFolderOfPemCertificatesIsATruststoreAndSignedModeNeedsOne() throws Exception {
        Signing signing = new Signing(keys);
        signing.selfSigned("ca", "CN=Acme Test CA", true);
        signing.issued("acme", SIGNER, "ca", "-1d", 365);
        signing.selfSigned("stranger", "CN=Stranger", false);
        signing.selfSigned("pinned", "CN=Pinned Author", false, "-3d", 1);
        Path pemFolder = Files.createDirectories(keys.resolve("trusted"));
        Files.copy(signing.certificate("ca"), pemFolder.resolve("acme-ca.pem"));
        // an author's own self-signed certificate, trusted as it is, that has expired since
        Files.copy(signing.certificate("pinned"), pemFolder.resolve("pinned-author.pem"));

        try (RuntimeProcess noTruststore = RuntimeProcess.startHttp(plugins, "--plugin-trust", "signed")) {
            assertEquals(2, noTruststore.awaitExit(Duration.ofSeconds(30)), "a usage error, as picocli exits");
            assertTrue(String.join("\n", noTruststore.stderr()).contains(
                    "--plugin-trust=signed needs --plugin-truststore"), String.join("\n", noTruststore.stderr()));
        }

        signing.sign(Fixtures.withBundleVersion("greeter.jar", "1.0.0", plugins.resolve("greeter.jar")), "acme");
        signing.sign(plugin("stranger", plugins.resolve("stranger.jar")), "stranger");
        signing.sign(plugin("pinned", plugins.resolve("pinned.jar")), "pinned");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_PLUGIN_TRUST", "signed",
                "MCP_PLUGIN_TRUSTSTORE", pemFolder.toString()));
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            assertEquals("Hello, Di from greeter 1.0.0",
                    Clients.text(Clients.call(client, "greeter_hello", Map.of("name", "Di"))));
            assertEquals(SIGNER, ((Map<?, ?>) Clients.pluginStatus(client, "greeter.jar").get("signer"))
                    .get("subject"));
            assertTrue(String.valueOf(Clients.pluginStatus(client, "stranger.jar").get("problem"))
                    .startsWith("is signed by an unknown certificate (CN=Stranger"));
            assertTrue(String.valueOf(Clients.pluginStatus(client, "pinned.jar").get("problem"))
                    .startsWith("is signed by an expired certificate (CN=Pinned Author"),
                    String.valueOf(Clients.pluginStatus(client, "pinned.jar")));
        }
    }

    /** The greeter fixture under another symbolic name: another plugin, unsigned until signed. */
    private static Path plugin(String name, Path target) throws Exception {
        return Fixtures.withHeaders("greeter.jar", Map.of("Bundle-SymbolicName", "fixtures." + name), target);
    }

    private static String problem(Map<String, JsonNode> byFile, String file) {
        JsonNode plugin = byFile.get(file);
        if (plugin == null) {
            throw new AssertionError("/health does not list " + file + ": " + byFile.keySet());
        }
        return plugin.path("problem").asText(null);
    }

    /** Replaces the jar in one step (a rename), as a deployment tool does. */
    private static void replace(Path jar, Path target) throws Exception {
        Path staged = Files.copy(jar, target.resolveSibling(".staged"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
