package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Wire strictness: the generated {@link WireCorpus} over Streamable HTTP in a session, stateless HTTP, the legacy
 * SSE transport's {@code POST /message} and stdio. No 5xx; every answer is a well-formed JSON-RPC answer with the
 * code the protocol asks for (-32700, -32600 or -32602 for what the runtime refuses before the SDK reads it, HTTP
 * 400 for what it cannot accept and 200 for a request's bad params); no body names a Java class or carries an
 * exception or a stack trace; and a valid call is served afterwards.
 */
class WireStrictnessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEAK = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]\\w+|Exception|\\bat [a-z]+\\.");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void streamableHttpAnswersEveryCaseAsTheProtocolAsks() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path())) {
            URI endpoint = URI.create(runtime.endpoint());
            String session = RawHttp.initializedSession(endpoint);
            List<String> failures = new ArrayList<>();
            for (WireCorpus.Case c : WireCorpus.generate(true)) {
                boolean initialize = c.name().startsWith("initialize");
                HttpResponse<String> answer = RawHttp.send(RawHttp.post(endpoint, initialize ? null : session,
                        c.body()));
                checkHttp(c, answer.statusCode(), answer.body(), c.expected(), true, failures);
            }
            HttpResponse<String> empty = RawHttp.send(RawHttp.post(endpoint, session, ""));
            checkHttp(new WireCorpus.Case("empty body", "", null, WireCorpus.PARSE_ERROR, true), empty.statusCode(),
                    empty.body(), WireCorpus.PARSE_ERROR, true, failures);
            assertEquals(List.of(), failures);
            assertServed(Clients.http(runtime.endpoint()));
        }
    }

    @Test
    void statelessHttpRefusesWhatTheRuntimeRefuses() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--stateless")) {
            URI endpoint = URI.create(runtime.endpoint());
            List<String> failures = new ArrayList<>();
            for (WireCorpus.Case c : WireCorpus.generate(true)) {
                HttpResponse<String> answer = RawHttp.send(RawHttp.post(endpoint, null, c.body()));
                checkHttp(c, answer.statusCode(), answer.body(), refusedOrAny(c), true, failures);
            }
            assertEquals(List.of(), failures);
            assertServed(Clients.http(runtime.endpoint()));
        }
    }

    @Test
    void legacySseMessagesAreCheckedTooAndRefusedWith400() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path())) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    base.resolve("sse")).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                URI messages = base.resolve(endpointEvent(events));
                RawHttp.send(RawHttp.post(messages, null, RawHttp.INITIALIZE)); // the SDK holds calls until then
                RawHttp.send(RawHttp.post(messages, null, RawHttp.INITIALIZED));
                List<String> failures = new ArrayList<>();
                for (WireCorpus.Case c : WireCorpus.generate(false)) {
                    if (c.name().startsWith("notifications/roots/list_changed") && c.expected() >= 0) {
                        continue; // the SDK asks for the roots on the stream and holds the POST until answered
                    }
                    HttpResponse<String> answer = RawHttp.send(RawHttp.post(messages, null, c.body()));
                    checkHttp(c, answer.statusCode(), answer.body(), refusedOrAny(c), false, failures);
                }
                assertEquals(List.of(), failures);
            }
            assertServed(Clients.legacySse(runtime.endpoint(), Map.of()));
        }
    }

    @Test
    void stdioAnswersEveryCaseAsTheProtocolAsks() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins.path())) {
            runtime.send(RawHttp.INITIALIZE, RawHttp.INITIALIZED);
            runtime.awaitStdout(Pattern.compile("\"id\":1\\b"), WAIT);
            List<String> failures = new ArrayList<>();
            List<WireCorpus.Case> corpus = WireCorpus.generate(false);
            int seen = runtime.stdout().size();
            for (int i = 0; i < corpus.size(); i++) {
                WireCorpus.Case c = corpus.get(i);
                // a ping behind each case: what the runtime refuses is answered before the next line is read
                runtime.send(c.body(), "{\"jsonrpc\":\"2.0\",\"id\":\"sentinel-" + i + "\",\"method\":\"ping\"}");
                runtime.awaitStdout(Pattern.compile("\"id\":\"sentinel-" + i + "\""), WAIT);
                List<JsonNode> answers = new ArrayList<>();
                List<String> lines = runtime.stdout();
                for (String line : lines.subList(seen, lines.size())) {
                    JsonNode answer = JSON.readTree(line);
                    if (answer.has("method")) { // roots/list, after roots/list_changed: answered as a client would
                        runtime.send("{\"jsonrpc\":\"2.0\",\"id\":" + answer.get("id")
                                + ",\"result\":{\"roots\":[]}}");
                        continue;
                    }
                    if (LEAK.matcher(line).find()) {
                        failures.add(c.name() + ": leaks: " + line);
                    }
                    if (answer.path("id").isNull() || !answer.has("id")) {
                        answers.add(answer);
                    }
                }
                seen = lines.size();
                if (c.id() != null) {
                    String line = answerTo(runtime, c.id().toString());
                    answers.add(JSON.readTree(line));
                    if (LEAK.matcher(line).find()) {
                        failures.add(c.name() + ": leaks: " + line);
                    }
                }
                int expectedAnswers = c.reply() ? 1 : 0;
                if (answers.size() != expectedAnswers
                        || c.reply() && !WireCorpus.matches(c.expected(), WireCorpus.code(answers.get(0)))) {
                    failures.add(c.name() + ": expected " + expectedAnswers + " answer(s) with " + c.expected()
                            + ", got " + answers);
                }
            }
            assertEquals(List.of(), failures);
            runtime.send(RawHttp.toolCall(99, "example_echo", "{\"message\":\"still here\"}").replace("\"id\":99",
                    "\"id\":\"last\""));
            String echo = answerTo(runtime, "last");
            assertEquals("still here", JSON.readTree(echo).path("result").path("content").path(0).path("text")
                    .asText(), echo);
        }
    }

    /** The stdout line answering this id (found as a whole: an answer may hold U+2028, which ends a regex line). */
    private static String answerTo(RuntimeProcess runtime, String id) throws InterruptedException {
        String idMember = "\"id\":\"" + id + "\"";
        runtime.awaitStdout(Pattern.compile(Pattern.quote(idMember)), WAIT);
        return runtime.stdout().stream().filter(line -> line.contains(idMember) && !line.contains("\"method\""))
                .findFirst().orElseThrow();
    }

    /** Where valid calls may be answered differently (no sessions, answers on the event stream): only refusals. */
    private static int refusedOrAny(WireCorpus.Case c) {
        return c.expected() == WireCorpus.RESULT || c.expected() == WireCorpus.METHOD_NOT_FOUND ? WireCorpus.ANY
                : c.expected();
    }

    /**
     * One HTTP answer: never 5xx, nothing leaked; a refusal is a JSON-RPC error with the expected code, with 200 for
     * a request's bad params where the POST carries the answer, 400 otherwise; an accepted notification gets 202.
     */
    private static void checkHttp(WireCorpus.Case c, int status, String body, int expected, boolean answersInBody,
            List<String> failures) {
        String seen = c.name() + ": " + status + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        if (status >= 500 || LEAK.matcher(body).find()) {
            failures.add(seen);
            return;
        }
        boolean refused = expected < 0 && expected != WireCorpus.METHOD_NOT_FOUND;
        if (!refused) {
            boolean answered = !c.reply() ? status == 202 || expected == WireCorpus.ANY
                    : !answersInBody || WireCorpus.matches(expected, code(body));
            if (!answered) {
                failures.add("expected " + expected + ", " + seen);
            }
            return;
        }
        int expectedStatus = answersInBody && c.reply() && expected == WireCorpus.INVALID_PARAMS ? 200 : 400;
        if (status != expectedStatus || !WireCorpus.matches(expected, code(body))) {
            failures.add("expected " + expectedStatus + " with " + expected + ", " + seen);
        }
    }

    /** The code of a JSON body, or of the first event of a stream. */
    private static Integer code(String body) {
        String json = body.contains("data:") ? body.substring(body.indexOf("data:") + 5).lines().findFirst()
                .orElse("") : body;
        try {
            return WireCorpus.code(JSON.readTree(json));
        } catch (Exception e) {
            return null;
        }
    }

    /** The message URL of a legacy SSE stream, from its first event. */
    private static String endpointEvent(BufferedReader events) throws Exception {
        for (String line = events.readLine(); line != null; line = events.readLine()) {
            if (line.startsWith("data:")) {
                return line.substring(5).strip();
            }
        }
        throw new AssertionError("the SSE stream ended before its endpoint event");
    }

    private static void assertServed(io.modelcontextprotocol.spec.McpClientTransport transport) {
        try (McpSyncClient client = Clients.sync(transport)) {
            assertEquals("still here", Clients.text(Clients.call(client, "example_echo",
                    Map.of("message", "still here"))));
        }
    }
}
