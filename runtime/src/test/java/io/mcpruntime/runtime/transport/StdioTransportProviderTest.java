package io.mcpruntime.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpNotificationHandler;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The transport against a real SDK session with handlers of the test's own: requests before initialize and while
 * shutting down are answered at once, notifications before initialize never reach the session.
 */
class StdioTransportProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private final PipedOutputStream stdin = new PipedOutputStream();
    private final BlockingQueue<JsonNode> stdout = new LinkedBlockingQueue<>();
    private final List<Object> notified = new CopyOnWriteArrayList<>();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    /** Answers initialize once the test lets it: the SDK's initialization still running while more lines come. */
    private final CountDownLatch initializeMayFinish = new CountDownLatch(1);
    /** Completes the "slow" requests. */
    private final Sinks.One<Object> slowResult = Sinks.one();
    private final List<Object> slowCancelled = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStdin() throws IOException {
        stdin.close();
    }

    private void start() throws IOException {
        StdioTransportProvider provider = new StdioTransportProvider(new JacksonMcpJsonMapper(JSON),
                new PipedInputStream(stdin, 1 << 16), new LineCollector(), (method, params, session) -> null,
                shuttingDown::get);
        Map<String, McpRequestHandler<?>> requests = Map.of(
                "test/echo", (exchange, params) -> Mono.just(params),
                "test/slow", (exchange, params) -> slowResult.asMono()
                        .doOnCancel(() -> slowCancelled.add(((Map<?, ?>) params).get("n"))));
        Map<String, McpNotificationHandler> notifications = Map.of(
                "test/note", (exchange, params) -> Mono.fromRunnable(() -> notified.add(((Map<?, ?>) params).get("n"))),
                McpSchema.METHOD_NOTIFICATION_INITIALIZED, (exchange, params) -> Mono.empty());
        provider.setSessionFactory(transport -> new McpServerSession("session", WAIT, transport,
                request -> Mono.fromCallable(() -> {
                    initializeMayFinish.await(30, TimeUnit.SECONDS);
                    return new McpSchema.InitializeResult(request.protocolVersion(),
                            McpSchema.ServerCapabilities.builder().build(),
                            new McpSchema.Implementation("test-server", "1"), null);
                }).subscribeOn(Schedulers.boundedElastic()),
                requests, notifications));
        provider.start();
    }

    @Test
    void requestsBeforeInitializeAreRefusedAtOncePingIsAnsweredNotificationsAreDropped() throws Exception {
        start();
        send(request("early", "test/echo"),
                "{\"jsonrpc\":\"2.0\",\"method\":\"test/note\",\"params\":{\"n\":\"early\"}}", INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":\"ping\",\"method\":\"ping\"}");

        JsonNode refused = next();
        assertEquals("early", refused.path("id").asText(), refused.toString());
        assertEquals(McpSchema.ErrorCodes.INVALID_REQUEST, refused.path("error").path("code").asInt());
        assertTrue(refused.path("error").path("message").asText().contains("initialize"), refused.toString());
        JsonNode pong = next();
        assertEquals("ping", pong.path("id").asText(), pong.toString());
        assertTrue(pong.path("result").isObject(), pong.toString());

        initializeMayFinish.countDown();
        send(INITIALIZE, INITIALIZED, "{\"jsonrpc\":\"2.0\",\"method\":\"test/note\",\"params\":{\"n\":\"late\"}}",
                request("after", "test/echo"));
        // two answers in either order: the SDK serves requests once notifications/initialized has come
        JsonNode first = next();
        JsonNode served = "after".equals(first.path("id").asText()) ? first : next();
        assertEquals("after", served.path("id").asText(), served.toString());
        assertEquals("after", served.path("result").path("n").asText(), served.toString());
        // the SDK would have held the early notification and handled it before the late one
        assertEquals(List.of("late"), notified);
    }

    @Test
    void requestsPipelinedBehindInitializeAreServedWhileItIsStillRunning() throws Exception {
        start();
        List<String> lines = new ArrayList<>(List.of(INITIALIZE, INITIALIZED));
        for (int i = 0; i < 5; i++) {
            lines.add(request("pipelined-" + i, "test/echo"));
        }
        lines.add("{\"jsonrpc\":\"2.0\",\"id\":\"ping\",\"method\":\"ping\"}");
        send(lines.toArray(String[]::new));

        // once the ping written last is answered, every line has been dispatched while initialize is still held
        List<JsonNode> answers = new ArrayList<>();
        do {
            answers.add(next());
        } while (!"ping".equals(answers.get(answers.size() - 1).path("id").asText()));
        initializeMayFinish.countDown();
        while (answers.size() < 7) {
            answers.add(next());
        }
        answers.forEach(answer -> assertTrue(answer.path("error").isMissingNode(), answer.toString()));
        assertEquals(List.of("init", "ping", "pipelined-0", "pipelined-1", "pipelined-2", "pipelined-3",
                "pipelined-4"), answers.stream().map(answer -> answer.path("id").asText()).sorted().toList());
    }

    @Test
    void whileShuttingDownNewRequestsAreRefusedRunningOnesFinishAndCancellationWorks() throws Exception {
        initializeMayFinish.countDown();
        start();
        send(INITIALIZE, INITIALIZED, request("finishing", "test/slow", 1), request("cancelled", "test/slow", 2));
        assertEquals("init", next().path("id").asText());
        awaitSubscribers(2);

        shuttingDown.set(true);
        send(request("new", "test/echo"), "{\"jsonrpc\":\"2.0\",\"id\":\"ping\",\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                        + "\"params\":{\"requestId\":\"cancelled\"}}");
        for (String id : List.of("new", "ping")) {
            JsonNode refused = next();
            assertEquals(id, refused.path("id").asText(), refused.toString());
            assertEquals(McpSchema.ErrorCodes.INTERNAL_ERROR, refused.path("error").path("code").asInt());
            assertTrue(refused.path("error").path("message").asText().contains("shutting down"), refused.toString());
        }
        awaitUntil(() -> slowCancelled.equals(List.of(2)), "the cancelled call is disposed");

        slowResult.tryEmitValue(Map.of("done", true));
        JsonNode finished = next();
        assertEquals("finishing", finished.path("id").asText(), finished.toString());
        assertTrue(finished.path("result").path("done").asBoolean(), finished.toString());
        send(request("marker", "test/echo")); // refused at once: no answer to the cancelled call came before it
        assertEquals("marker", next().path("id").asText(), "a cancelled request is not answered");
    }

    private void awaitSubscribers(int count) throws InterruptedException {
        awaitUntil(() -> slowResult.currentSubscriberCount() == count, count + " slow calls running");
    }

    private static void awaitUntil(BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(10);
        }
    }

    private static String request(String id, String method) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"params\":{\"n\":\"" + id
                + "\"}}";
    }

    private static String request(String id, String method, int n) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"params\":{\"n\":" + n
                + "}}";
    }

    private void send(String... lines) throws IOException {
        for (String line : lines) {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        stdin.flush();
    }

    private JsonNode next() throws InterruptedException {
        JsonNode message = stdout.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(message != null, "no answer within " + WAIT);
        return message;
    }

    /** stdout: the transport writes and flushes one whole line at a time. */
    private final class LineCollector extends OutputStream {
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            line.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
            for (int end; (end = line.indexOf("\n")) >= 0; line.delete(0, end + 1)) {
                try {
                    stdout.add(JSON.readTree(line.substring(0, end)));
                } catch (IOException e) {
                    throw new AssertionError("not JSON on stdout: " + line, e);
                }
            }
        }
    }
}
