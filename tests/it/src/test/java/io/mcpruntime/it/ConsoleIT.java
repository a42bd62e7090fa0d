package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator console's guards, over raw HTTP against the real server: the same token as /mcp for the page and
 * every endpoint, the token given once becoming an HttpOnly SameSite=Strict cookie, the CSRF token and the Origin
 * check on every change; uploads and removals going through the plugins folder; the connected sessions.
 */
class ConsoleIT {
    private static final String TOKEN = "console-s3cret";
    private static final Pattern CSRF = Pattern.compile("\"csrf\":\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path plugins;

    @Test
    void withoutTheTokenThePageAndEveryEndpointAnswer401() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_AUTH_TOKEN", TOKEN))) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            for (Map<String, String> credentials : List.of(Map.<String, String>of(),
                    Map.of("Authorization", "Bearer guess"), Map.of("Cookie", "mcp_console_token=guess"))) {
                for (String path : List.of("console", "console/", "console/console.js", "console/api/state")) {
                    assertEquals(401, send(base.resolve(path), "GET", null, credentials).statusCode(), path);
                }
                assertEquals(401, RawHttp.streamStatus(base.resolve("console/api/events"), credentials));
                assertEquals(401, send(base.resolve("console/api/call"), "POST", "{}", credentials).statusCode());
                assertEquals(401, send(base.resolve("console/api/plugins?file=x.jar"), "POST", "PK", credentials)
                        .statusCode());
                assertEquals(401, send(base.resolve("console/api/plugins?file=example.jar"), "DELETE", null,
                        credentials).statusCode());
            }
            assertEquals(401, send(base.resolve("console?token=guess"), "GET", null, Map.of()).statusCode());
            assertTrue(Files.exists(plugins.resolve("example.jar")), "nothing was removed");
            assertFalse(Files.exists(plugins.resolve("x.jar")), "nothing was written");
            HttpResponse<String> state = send(base.resolve("console/api/state"), "GET", null,
                    Map.of("Authorization", "Bearer " + TOKEN));
            assertEquals(200, state.statusCode());
            assertTrue(state.body().contains("\"file\":\"example.jar\""), state.body());
        }
    }

    @Test
    void theTokenGivenOnceBecomesAnHttpOnlyStrictCookieForTheConsoleOnly() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_AUTH_TOKEN", TOKEN))) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            HttpResponse<String> login = send(base.resolve("console?token=" + TOKEN), "GET", null, Map.of());
            assertEquals(303, login.statusCode());
            assertEquals("/console", login.headers().firstValue("Location").orElse(""));
            String cookie = login.headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.startsWith("mcp_console_token=" + TOKEN + ";"), cookie);
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict")
                    && cookie.contains("Path=/console"), cookie);

            Map<String, String> withCookie = Map.of("Cookie", "mcp_console_token=" + TOKEN);
            HttpResponse<String> page = send(base.resolve("console"), "GET", null, withCookie);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<script src=\"/console/console.js\""), page.body());
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals(200, send(base.resolve("console/console.js"), "GET", null, withCookie).statusCode());
            assertEquals(401, RawHttp.send(RawHttp.post(URI.create(runtime.endpoint()), RawHttp.INITIALIZE,
                    withCookie)).statusCode(), "the cookie is the console's: /mcp still wants the header");
        }
    }

    @Test
    void changesNeedTheCsrfTokenAndALocalOriginAndGoThroughThePluginsFolder() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_AUTH_TOKEN", TOKEN))) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            Map<String, String> cookie = Map.of("Cookie", "mcp_console_token=" + TOKEN);
            String csrf = csrf(base, cookie);
            byte[] greeter = Files.readAllBytes(Fixtures.file("greeter.jar"));
            URI upload = base.resolve("console/api/plugins?file=greeter.jar");

            HttpResponse<String> noCsrf = send(upload, "POST", greeter, cookie);
            assertEquals(403, noCsrf.statusCode());
            assertTrue(noCsrf.body().contains("X-Console-Csrf"), noCsrf.body());
            assertEquals(403, send(upload, "POST", greeter, with(cookie, "X-Console-Csrf", "guess")).statusCode());
            assertEquals(403, send(upload, "POST", greeter,
                    with(with(cookie, "X-Console-Csrf", csrf), "Origin", "http://evil.example.com")).statusCode());
            assertEquals(403, send(base.resolve("console/api/call"), "POST",
                    "{\"name\":\"mcp_plugins\",\"arguments\":{}}", cookie).statusCode());
            assertFalse(Files.exists(plugins.resolve("greeter.jar")), "a refused request writes nothing");

            Map<String, String> page = with(with(cookie, "X-Console-Csrf", csrf), "Origin",
                    base.toString().replaceAll("/$", ""));
            HttpResponse<String> installed = send(upload, "POST", greeter, page);
            assertEquals(200, installed.statusCode(), installed.body());
            assertTrue(installed.body().contains("\"outcome\":\"served\""), installed.body());
            assertTrue(Files.exists(plugins.resolve("greeter.jar")));
            try (var files = Files.list(plugins)) {
                assertEquals(List.of("greeter.jar"), files.map(f -> f.getFileName().toString()).toList(),
                        "no temporary file is left behind");
            }

            HttpResponse<String> call = send(base.resolve("console/api/call"), "POST",
                    "{\"name\":\"greeter_hello\",\"arguments\":{\"name\":\"console\"}}", page);
            assertEquals(200, call.statusCode(), call.body());
            assertTrue(call.body().contains("Hello, console from greeter"), call.body());
            assertTrue(call.body().contains("\"isError\":false"), call.body());

            URI remove = base.resolve("console/api/plugins?file=greeter.jar");
            assertEquals(403, send(remove, "DELETE", null, cookie).statusCode());
            assertTrue(Files.exists(plugins.resolve("greeter.jar")));
            HttpResponse<String> removed = send(remove, "DELETE", null, page);
            assertEquals(200, removed.statusCode(), removed.body());
            assertTrue(removed.body().contains("\"outcome\":\"removed\""), removed.body());
            assertFalse(Files.exists(plugins.resolve("greeter.jar")));
        }
    }

    @Test
    void aRefusedUploadSaysWhyAndABadNameWritesNothing() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins)) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            Map<String, String> page = Map.of("X-Console-Csrf", csrf(base, Map.of()));
            HttpResponse<String> broken = send(base.resolve("console/api/plugins?file=broken.jar"), "POST",
                    "this is not a zip archive", page);
            assertEquals(422, broken.statusCode(), broken.body());
            assertTrue(broken.body().contains("\"outcome\":\"refused\"")
                    && broken.body().contains("is not a valid jar"), broken.body());

            HttpResponse<String> escape = send(base.resolve("console/api/plugins?file=..%2Fescape.jar"), "POST",
                    Files.readAllBytes(Fixtures.file("greeter.jar")), page);
            assertEquals(400, escape.statusCode());
            assertTrue(escape.body().contains("plain jar name"), escape.body());
            assertFalse(Files.exists(plugins.resolveSibling("escape.jar")));
            assertFalse(escape.body().contains("Exception"), escape.body());
        }
    }

    @Test
    void underPluginTrustSignedAnUploadPassesTheSameSignatureCheck(@TempDir Path keys) throws Exception {
        Signing signing = new Signing(keys);
        signing.selfSigned("ca", "CN=Console Test CA", true);
        signing.issued("acme", "CN=Acme Plugins,O=Acme", "ca", "-1d", 365);
        Path passwordFile = Files.writeString(keys.resolve("truststore.password"), Signing.PASSWORD);
        Path signed = signing.sign(Fixtures.withBundleVersion("greeter.jar", "1.0.0", keys.resolve("greeter.jar")),
                "acme");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, "--plugin-trust", "signed",
                "--plugin-truststore", signing.truststore("ca").toString(), "--plugin-truststore-password-file",
                passwordFile.toString())) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            Map<String, String> page = Map.of("X-Console-Csrf", csrf(base, Map.of()));
            HttpResponse<String> unsigned = send(base.resolve("console/api/plugins?file=unsigned.jar"), "POST",
                    Files.readAllBytes(Fixtures.file("greeter.jar")), page);
            assertEquals(422, unsigned.statusCode(), unsigned.body());
            assertTrue(unsigned.body().contains("\"problem\":\"is not signed\""), unsigned.body());

            HttpResponse<String> trusted = send(base.resolve("console/api/plugins?file=greeter.jar"), "POST",
                    Files.readAllBytes(signed), page);
            assertEquals(200, trusted.statusCode(), trusted.body());
            assertTrue(trusted.body().contains("\"outcome\":\"served\"")
                    && trusted.body().contains("CN=Acme Plugins"), trusted.body());
        }
    }

    @Test
    void connectedSessionsAreListedWithTheirClientUntilTheyClose() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins)) {
            URI state = URI.create(runtime.endpoint()).resolve("/console/api/state");
            McpSyncClient client = McpClient.sync(Clients.http(runtime.endpoint()))
                    .clientInfo(new McpSchema.Implementation("console-it", "4.2")).build();
            String protocol = client.initialize().protocolVersion();
            JsonNode session = Await.until(() -> session(state, "console-it"), found -> found != null,
                    Duration.ofSeconds(5), "the session listed");
            assertEquals("streamable-http", session.path("transport").asText());
            assertEquals("4.2", session.path("clientVersion").asText());
            assertEquals(protocol, session.path("protocolVersion").asText());
            assertFalse(session.path("opened").asText().isEmpty());
            assertEquals(0, session.path("runningCalls").asInt());
            Instant initialized = Instant.parse(session.path("lastActive").asText());
            Thread.sleep(20);
            client.ping();
            assertTrue(Instant.parse(session(state, "console-it").path("lastActive").asText()).isAfter(initialized),
                    "a request makes the session active");
            CompletableFuture<McpSchema.CallToolResult> countdown = CompletableFuture.supplyAsync(
                    () -> Clients.call(client, "example_countdown", Map.of("seconds", 2)));
            Await.until(() -> session(state, "console-it").path("runningCalls").asInt(), running -> running == 1,
                    Duration.ofSeconds(5), "the session's call counted");
            assertTrue(Clients.text(countdown.get(10, TimeUnit.SECONDS)).contains("finished"));
            Await.until(() -> session(state, "console-it").path("runningCalls").asInt(), running -> running == 0,
                    Duration.ofSeconds(5), "the call no longer counted");

            McpSyncClient legacy = McpClient.sync(Clients.legacySse(runtime.endpoint(), Map.of()))
                    .clientInfo(new McpSchema.Implementation("legacy-it", "1.0")).build();
            legacy.initialize();
            JsonNode old = Await.until(() -> session(state, "legacy-it"), found -> found != null,
                    Duration.ofSeconds(5), "the legacy SSE session listed");
            assertEquals("legacy-sse", old.path("transport").asText());
            assertEquals("2024-11-05", old.path("protocolVersion").asText());
            legacy.closeGracefully(); // ends its event stream; the server finds out when a write to it fails:
            Fixtures.drop("greeter.jar", plugins, "greeter.jar");
            Await.until(() -> send(state, "GET", null, Map.of()).body(), body -> body.contains("greeter_hello"),
                    Duration.ofSeconds(10), "greeter served");
            Files.delete(plugins.resolve("greeter.jar")); // a second list_changed: the first may still be buffered
            Await.until(() -> session(state, "legacy-it"), gone -> gone == null, Duration.ofSeconds(10),
                    "the legacy SSE session gone with its stream");

            client.closeGracefully(); // sends DELETE
            Await.until(() -> session(state, "console-it"), gone -> gone == null, Duration.ofSeconds(5),
                    "the deleted session gone");
        }
    }

    @Test
    void anIdleSessionLeavesWithTheIdleTimeout() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_SESSION_IDLE_TIMEOUT", "1"))) {
            URI state = URI.create(runtime.endpoint()).resolve("/console/api/state");
            String id = RawHttp.initialize(URI.create(runtime.endpoint())); // no stream open: nothing keeps it
            assertTrue(send(state, "GET", null, Map.of()).body().contains("\"id\":\"" + id + "\""));
            Await.until(() -> send(state, "GET", null, Map.of()).body(), body -> !body.contains(id),
                    Duration.ofSeconds(15), "the idle session gone");
        }
    }

    /** The session of the client with this name in the console's state, or null. */
    private static JsonNode session(URI state, String clientName) throws Exception {
        HttpResponse<String> response = send(state, "GET", null, Map.of());
        assertEquals(200, response.statusCode(), response.body());
        for (JsonNode session : JSON.readTree(response.body()).path("sessions")) {
            if (clientName.equals(session.path("clientName").asText())) {
                return session;
            }
        }
        return null;
    }

    @Test
    void theConsoleCanBeTurnedOff() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, "--no-console")) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            assertEquals(404, send(base.resolve("console"), "GET", null, Map.of()).statusCode());
            assertEquals(404, send(base.resolve("console/api/state"), "GET", null, Map.of()).statusCode());
        }
    }

    private static String csrf(URI base, Map<String, String> credentials) throws Exception {
        HttpResponse<String> state = send(base.resolve("console/api/state"), "GET", null, credentials);
        assertEquals(200, state.statusCode(), state.body());
        Matcher csrf = CSRF.matcher(state.body());
        assertTrue(csrf.find(), state.body());
        return csrf.group(1);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return more;
    }

    private static HttpResponse<String> send(URI uri, String method, Object body, Map<String, String> headers)
            throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofString((String) body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
