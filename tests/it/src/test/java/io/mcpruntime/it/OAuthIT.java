package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth=oauth} against a real authorization server process (mock-oauth2-server): its tokens are admitted, a
 * request without one is pointed at the RFC 9728 metadata, bad tokens (crafted with Nimbus or issued for another
 * resource) get 401 and a token without the required scope 403, and cached keys outlive the issuer.
 */
class OAuthIT {
    private static final String SCOPE = "mcp:tools";

    @TempDir
    static Path logs;

    private static AuthorizationServer issuer;

    @TempDir
    Path plugins;

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = AuthorizationServer.start(logs.resolve("issuer.log"));
    }

    @AfterAll
    static void stopIssuer() throws Exception {
        issuer.close();
    }

    @Test
    void admitsTheIssuersTokensAndPointsOtherRequestsAtTheMetadata() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        int port = AuthorizationServer.freePort();
        String resource = "http://127.0.0.1:" + port + "/mcp";
        try (RuntimeProcess runtime = start(port, issuer)) {
            URI endpoint = URI.create(runtime.endpoint());
            String metadataUrl = "http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp";

            HttpResponse<String> anonymous = initialize(endpoint, null);
            assertEquals(401, anonymous.statusCode());
            assertEquals("Bearer resource_metadata=\"" + metadataUrl + "\"", challenge(anonymous));

            for (String path : List.of(metadataUrl, "http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource")) {
                HttpResponse<String> answer = RawHttp.get(URI.create(path));
                assertEquals(200, answer.statusCode(), path);
                Map<?, ?> metadata = Clients.JSON.readValue(answer.body(), Map.class);
                assertEquals(resource, metadata.get("resource"));
                assertEquals(List.of(issuer.issuer().toString()), metadata.get("authorization_servers"));
                assertEquals(List.of(SCOPE), metadata.get("scopes_supported"));
            }

            HttpResponse<String> withoutScope = initialize(endpoint, issuer.token(resource, "profile"));
            assertEquals(403, withoutScope.statusCode());
            assertEquals("Bearer resource_metadata=\"" + metadataUrl + "\", error=\"insufficient_scope\", scope=\""
                    + SCOPE + "\"", challenge(withoutScope));

            try (McpSyncClient client = client(runtime, issuer.token(resource, SCOPE))) {
                assertEquals("admitted", Clients.text(Clients.call(client, "example_echo",
                        Map.of("message", "admitted"))));
            }

            // a session is its initializer's: another subject's valid token does not reach it
            Map<String, String> owner = Map.of("Authorization", "Bearer " + issuer.token(resource, SCOPE));
            String session = RawHttp.send(RawHttp.post(endpoint, RawHttp.INITIALIZE, owner)).headers()
                    .firstValue("Mcp-Session-Id").orElseThrow();
            String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
            Map<String, String> intruder = Map.of("Authorization", "Bearer " + issuer.token(resource, SCOPE, "mallory"),
                    "Mcp-Session-Id", session);
            HttpResponse<String> hijack = RawHttp.send(RawHttp.post(endpoint, list, intruder));
            assertEquals(404, hijack.statusCode(), hijack.body());
            assertFalse(hijack.body().contains("example_echo"), hijack.body());
            Map<String, String> inSession = new HashMap<>(owner);
            inSession.put("Mcp-Session-Id", session);
            HttpResponse<String> listed = RawHttp.send(RawHttp.post(endpoint, list, inSession));
            assertEquals(200, listed.statusCode(), listed.body());
            assertTrue(listed.body().contains("example_echo"), listed.body());
        }
    }

    /**
     * A legacy SSE session (protocol 2024-11-05) is its opener's too: the message endpoint answers another subject's
     * valid token 404, as for an unknown session, and the opener's client works as before.
     */
    @Test
    void aLegacySseSessionIsItsOpenersAlone() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        int port = AuthorizationServer.freePort();
        String resource = "http://127.0.0.1:" + port + "/mcp";
        try (RuntimeProcess runtime = start(port, issuer)) {
            try (McpSyncClient client = McpClient.sync(Clients.legacySse(runtime.endpoint(),
                    Map.of("Authorization", "Bearer " + issuer.token(resource, SCOPE)))).build()) {
                client.initialize();
                assertEquals("over sse", Clients.text(Clients.call(client, "example_echo",
                        Map.of("message", "over sse"))));
            }

            String owner = "Bearer " + issuer.token(resource, SCOPE);
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(runtime.endpoint()).resolve("/sse")).header("Accept", "text/event-stream")
                    .header("Authorization", owner).build(), HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> events = stream.body()) {
                assertEquals(200, stream.statusCode());
                Iterator<String> lines = events.iterator();
                String endpoint = next(lines, "data:").substring("data:".length()).strip();
                URI messages = URI.create(runtime.endpoint()).resolve(endpoint);

                HttpResponse<String> hijack = RawHttp.send(RawHttp.post(messages, RawHttp.INITIALIZE,
                        Map.of("Authorization", "Bearer " + issuer.token(resource, SCOPE, "mallory"))));
                assertEquals(404, hijack.statusCode(), hijack.body());
                assertTrue(hijack.body().contains("Session not found"), hijack.body());

                HttpResponse<String> own = RawHttp.send(RawHttp.post(messages, RawHttp.INITIALIZE,
                        Map.of("Authorization", owner)));
                assertEquals(200, own.statusCode(), own.body());
                assertTrue(next(lines, "data:").contains("\"protocolVersion\""), "the answer comes on the stream");
            }
        }
    }

    /** The next line of the event stream that starts with this prefix. */
    private static String next(Iterator<String> lines, String prefix) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the event stream ended before a line starting with " + prefix);
    }

    @Test
    void aToolIsListedAndCalledOnlyWithTheScopesItsPluginItselfAndTheOperatorAskFor() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        Fixtures.drop("scoped.jar", plugins, "scoped.jar");
        int port = AuthorizationServer.freePort();
        String resource = "http://127.0.0.1:" + port + "/mcp";
        try (RuntimeProcess runtime = start(port, issuer, "--oauth-tool-scopes", "example_ech*=echo:use")) {
            runtime.endpoint();
            Map<?, ?> metadata = Clients.JSON.readValue(RawHttp.get(URI.create(
                    "http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource")).body(), Map.class);
            assertEquals(List.of("echo:use", SCOPE, "scoped:admin", "scoped:use"), metadata.get("scopes_supported"));

            try (McpSyncClient user = client(runtime, issuer.token(resource, SCOPE + " scoped:use"))) {
                List<String> listed = Clients.pluginToolNames(user);
                assertTrue(listed.contains("scoped_whoami") && listed.contains("example_stats"), listed.toString());
                assertFalse(listed.contains("scoped_purge") || listed.contains("example_echo"), listed.toString());
                assertEquals("it-client " + SCOPE + " scoped:use",
                        Clients.text(Clients.call(user, "scoped_whoami", Map.of())));
                McpError refused = assertThrows(McpError.class, () -> Clients.call(user, "scoped_purge", Map.of()));
                assertTrue(refused.getMessage().contains("needs scope 'scoped:admin scoped:use'"),
                        refused.getMessage());

                String found = Clients.text(Clients.call(user, "mcp_find_tools", Map.of("query", "")));
                assertTrue(found.contains("scoped_whoami") && !found.contains("scoped_purge")
                        && !found.contains("example_echo"), found);
                McpSchema.CallToolResult routed = Clients.call(user, "mcp_call_tool", Map.of("name", "example_echo",
                        "arguments", Map.of("message", "hi")));
                assertTrue(routed.isError() && Clients.text(routed).contains("insufficient_scope"),
                        Clients.text(routed));
            }
            try (McpSyncClient admin = client(runtime,
                    issuer.token(resource, SCOPE + " scoped:use scoped:admin echo:use"))) {
                assertTrue(Clients.pluginToolNames(admin).containsAll(List.of("scoped_purge", "example_echo")));
                assertEquals("purged", Clients.text(Clients.call(admin, "scoped_purge", Map.of())));
                assertEquals("routed", Clients.text(Clients.call(admin, "mcp_call_tool", Map.of("name",
                        "example_echo", "arguments", Map.of("message", "routed")))));
            }
        }
    }

    @Test
    void theConsoleNeedsTheOperatorScopeAndItsCallsTheToolsScopes() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        int port = AuthorizationServer.freePort();
        String resource = "http://127.0.0.1:" + port + "/mcp";
        try (RuntimeProcess runtime = start(port, issuer, "--oauth-tool-scopes", "example_ech*=echo:use")) {
            URI state = URI.create(runtime.endpoint()).resolve("/console/api/state");

            // a client's token, even one that may call every tool, is not an operator's
            HttpResponse<String> client = RawHttp.send(HttpRequest.newBuilder(state).header("Authorization",
                    "Bearer " + issuer.token(resource, SCOPE + " echo:use")).build());
            assertEquals(403, client.statusCode(), client.body());
            assertTrue(challenge(client).endsWith("error=\"insufficient_scope\", scope=\"mcp:operator " + SCOPE
                    + "\""), challenge(client));
            assertFalse(client.body().contains("csrf"), client.body());

            Map<String, String> operator = Map.of("Authorization", "Bearer " + issuer.token(resource,
                    SCOPE + " mcp:operator"));
            HttpResponse<String> page = RawHttp.send(with(HttpRequest.newBuilder(state), operator).build());
            assertEquals(200, page.statusCode(), page.body());
            String csrf = (String) Clients.JSON.readValue(page.body(), Map.class).get("csrf");
            Map<String, String> calling = new HashMap<>(operator);
            calling.put("X-Console-Csrf", csrf);
            calling.put("Content-Type", "application/json");
            HttpResponse<String> refused = RawHttp.send(with(HttpRequest.newBuilder(state.resolve("call")), calling)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"example_echo\",\"arguments\":{\"message\":\"hi\"}}")).build());
            assertEquals(200, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"isError\":true") && refused.body().contains("needs scope 'echo:use'"),
                    "the operator's own token lacks the tool's scope: " + refused.body());
        }
    }

    private static HttpRequest.Builder with(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        return request.timeout(Duration.ofSeconds(30));
    }

    @Test
    void refusesEveryBadTokenWith401AndAReasonButNoDetail() throws Exception {
        int port = AuthorizationServer.freePort();
        String resource = "http://127.0.0.1:" + port + "/mcp";
        String issuersKey = issuer.keys().getKeys().get(0).getKeyID();
        Map<String, String> badTokens = Map.of(
                "not-a-jwt", "not a JWT",
                new PlainJWT(claims(resource)).serialize(), "not signed by a key of the issuer",
                signed(claims(resource), issuersKey), "not signed by a key of the issuer",
                issuer.token("https://elsewhere.example/mcp", SCOPE), "not meant for this server",
                issuer.token(resource, "expired"), "has expired");
        try (RuntimeProcess runtime = start(port, issuer)) {
            URI endpoint = URI.create(runtime.endpoint());
            assertEquals(200, initialize(endpoint, issuer.token(resource, SCOPE)).statusCode());
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                assertRefused(initialize(endpoint, bad.getKey()), bad.getValue());
            }
            assertRefused(initialize(endpoint, signed(claims(resource), "a-key-it-never-had")), "");
        }
    }

    @Test
    void cachedKeysKeepWorkingWhileTheIssuerIsDownAndWithoutKeysNothingIsAdmitted() throws Exception {
        int port = AuthorizationServer.freePort();
        String resource = "http://127.0.0.1:" + port + "/mcp";
        AuthorizationServer goingDown = AuthorizationServer.start(logs.resolve("going-down.log"));
        String token = goingDown.token(resource, SCOPE);
        try (RuntimeProcess runtime = start(port, goingDown)) {
            URI endpoint = URI.create(runtime.endpoint());
            assertEquals(200, initialize(endpoint, token).statusCode());
            goingDown.close();
            assertEquals(200, initialize(endpoint, token).statusCode(), "the cached keys still check the token");
            assertRefused(initialize(endpoint, signed(claims(resource), "rotated-in")), "");
        }
        int otherPort = AuthorizationServer.freePort();
        String otherResource = "http://127.0.0.1:" + otherPort + "/mcp";
        try (RuntimeProcess runtime = start(otherPort, goingDown)) {
            assertRefused(initialize(URI.create(runtime.endpoint()), signed(claims(otherResource), "any")),
                    "keys are not available");
        }
    }

    private RuntimeProcess start(int port, AuthorizationServer server, String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--oauth-resource", "http://127.0.0.1:" + port + "/mcp"));
        args.addAll(List.of(extraArgs));
        return RuntimeProcess.startHttp(port, plugins, Map.of(
                "MCP_AUTH", "oauth", "MCP_OAUTH_ISSUER", server.issuer().toString(), "MCP_OAUTH_SCOPES", SCOPE),
                args.toArray(String[]::new));
    }

    /** An initialized SDK client sending this access token. */
    private static McpSyncClient client(RuntimeProcess runtime, String token) throws InterruptedException {
        McpSyncClient client = McpClient.sync(Clients.http(runtime.endpoint(),
                Map.of("Authorization", "Bearer " + token))).build();
        client.initialize();
        return client;
    }

    private static void assertRefused(HttpResponse<String> answer, String reason) {
        assertEquals(401, answer.statusCode(), answer.body());
        String challenge = challenge(answer);
        assertTrue(challenge.contains("error=\"invalid_token\"") && challenge.contains(reason), challenge);
        for (String leak : List.of("Exception", "nimbus", "JWT rejected", "\tat ")) {
            assertFalse(answer.body().contains(leak) || challenge.contains(leak), answer.body() + " " + challenge);
        }
    }

    /** Claims that would pass if only the token were signed by the issuer. */
    private static JWTClaimsSet claims(String resource) {
        return new JWTClaimsSet.Builder().issuer(issuer.issuer().toString()).audience(resource).subject("mallory")
                .claim("scope", SCOPE).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
    }

    /** Signed with a fresh key of ours under this key id. */
    private static String signed(JWTClaimsSet claims, String keyId) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID(keyId).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static HttpResponse<String> initialize(URI endpoint, String token) throws Exception {
        return RawHttp.send(RawHttp.post(endpoint, RawHttp.INITIALIZE,
                token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)));
    }

    private static String challenge(HttpResponse<String> answer) {
        return answer.headers().firstValue("WWW-Authenticate").orElse("");
    }
}
