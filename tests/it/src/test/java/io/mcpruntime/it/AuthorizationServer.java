package io.mcpruntime.it;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real OAuth 2.1 authorization server in a process of its own: NAV's mock-oauth2-server (standalone, from the test
 * class path) on a free loopback port, one issuer ({@code /mcp-as}), configured by {@code mock-oauth2-server.json}
 * (which {@code .ci/inspector} uses too): its client_credentials tokens carry the client as {@code sub}, the
 * {@code resource} parameter (RFC 8707) as {@code aud} and the requested {@code scope}; a request for scope
 * {@code expired} gets a token that expired long ago.
 */
final class AuthorizationServer implements AutoCloseable {
    private static final String ISSUER_ID = "mcp-as";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI base;

    private AuthorizationServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts it and waits until its metadata answers. */
    static AuthorizationServer start(Path log) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt");
        builder.environment().putAll(Map.of("SERVER_HOSTNAME", "127.0.0.1", "SERVER_PORT", String.valueOf(port),
                "JSON_CONFIG_PATH", Path.of(AuthorizationServer.class.getResource("/mock-oauth2-server.json").toURI())
                        .toString()));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        AuthorizationServer server = new AuthorizationServer(builder.start(), URI.create("http://127.0.0.1:" + port));
        Instant deadline = Instant.now().plusSeconds(60);
        while (!server.answers()) {
            if (Instant.now().isAfter(deadline) || !server.process.isAlive()) {
                server.close();
                throw new AssertionError("mock-oauth2-server did not start, see " + log);
            }
            Thread.sleep(200);
        }
        return server;
    }

    /** A free port for a server that must know its URL before it starts. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    URI issuer() {
        return base.resolve("/" + ISSUER_ID);
    }

    /** A client_credentials access token for this resource and these scopes (space-separated). */
    String token(String resource, String scope) throws Exception {
        return token(resource, scope, "it-client");
    }

    /** The same for another client: the token's subject is the client id. */
    String token(String resource, String scope, String clientId) throws Exception {
        String form = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "secret",
                        "scope", scope, "resource", resource).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("token request answered " + response.statusCode() + ": " + response.body());
        }
        return (String) Clients.JSON.readValue(response.body(), Map.class).get("access_token");
    }

    /** The issuer's public signing keys, as the runtime fetches them. */
    JWKSet keys() throws Exception {
        return JWKSet.load(URI.create(issuer() + "/jwks").toURL());
    }

    /** Stops the server: its endpoints (and its keys) are gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private boolean answers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
