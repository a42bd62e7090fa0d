package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MCP tasks (2025-11-25) in raw JSON-RPC over Streamable HTTP and stdio, against the example plugin, whose
 * {@code example_countdown} may run as a task and whose {@code example_echo} may not: the capability and the tools'
 * {@code execution.taskSupport} are advertised; a call with {@code params.task} is answered at once with a working
 * task, whose status message is the tool's progress, that completes, whose result {@code tasks/result} returns;
 * {@code tasks/list} lists it; {@code tasks/cancel} stops a running one and refuses an ended one; a tool without
 * task support refuses a task with -32601; the call without a task is answered as always. Over HTTP a task outlives
 * the connection of the POST that started it and another session sees none of it; over stdio its status changes and
 * progress are notified. Removing the plugin cancels its running tasks, and so does shutting down, each with a status
 * message that says why. The memory plugin's {@code memory_reindex} runs as a task too. Stateless HTTP, which has
 * no session to bind a task to, advertises no tasks and runs a task-augmented call as an ordinary one.
 */
class TasksIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String INITIALIZE = "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"tasks\",\"version\":\"1\"}}";
    private static final String RUNNING = "mcp_tool_calls_running";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    /** One client's side of a session: a request and its answer. */
    private interface Session {
        JsonNode request(String method, String params) throws Exception;
    }

    @Test
    void overStreamableHttp() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path())) {
            URI endpoint = URI.create(runtime.endpoint());
            HttpSession session = new HttpSession(endpoint);
            assertTaskLifecycle(session, () -> Metrics.value(endpoint, RUNNING));

            postWithoutReading(endpoint, session.id, countdownAsTask(9001, 2));
            JsonNode listed = Await.until(() -> session.request("tasks/list", "{}").path("result").path("tasks"),
                    tasks -> tasks.size() == 3, WAIT, "the task of the dropped POST listed");
            String taskId = listed.get(2).path("taskId").asText();
            assertEquals("Countdown of 2 s finished", text(session.request("tasks/result", byId(taskId))),
                    "the task ran to its end after its POST's connection closed");
            assertEquals("completed", session.request("tasks/get", byId(taskId)).path("result").path("status")
                    .asText());

            HttpSession other = new HttpSession(endpoint);
            assertEquals(-32602, errorCode(other.request("tasks/get", byId(taskId))), "bound to its session");
            assertEquals(-32602, errorCode(other.request("tasks/cancel", byId(taskId))));
            assertEquals(0, other.request("tasks/list", "{}").path("result").path("tasks").size());

            String undeployed = startLongCountdown(session, () -> Metrics.value(endpoint, RUNNING));
            Files.delete(plugins.path().resolve("example.jar"));
            JsonNode cancelled = Await.until(() -> session.request("tasks/get", byId(undeployed)).path("result"),
                    task -> task.path("status").asText().equals("cancelled"), WAIT, "cancelled by the undeploy");
            assertEquals("Cancelled: the tool's plugin was removed or replaced", cancelled.path("statusMessage")
                    .asText());
            Await.until(() -> Metrics.value(endpoint, RUNNING), calls -> calls == 0, WAIT, "its call stopped");
        }
    }

    @Test
    void overStdio() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins.path(), "--admin-port", "0")) {
            URI health = runtime.health();
            StdioSession session = new StdioSession(runtime);
            assertTaskLifecycle(session, () -> Metrics.value(health, RUNNING));
            runtime.awaitStdout(Pattern.compile("\"method\":\"notifications/tasks/status\".*\"status\":\"completed\""),
                    WAIT);
            runtime.awaitStdout(Pattern.compile("\"method\":\"notifications/tasks/status\".*\"status\":\"cancelled\""),
                    WAIT);

            String withProgress = session.request("tools/call", "{\"name\":\"example_countdown\",\"arguments\":"
                    + "{\"seconds\":2},\"task\":{},\"_meta\":{\"progressToken\":\"p-task\"}}").path("result")
                    .path("task").path("taskId").asText();
            runtime.awaitStdout(Pattern.compile("\"method\":\"notifications/progress\".*\"progressToken\":\"p-task\".*"
                    + "\"io.modelcontextprotocol/related-task\":\\{\"taskId\":\"" + withProgress + "\""), WAIT);
            assertEquals("Countdown of 2 s finished", text(session.request("tasks/result", byId(withProgress))));

            String stopped = startLongCountdown(session, () -> Metrics.value(health, RUNNING));
            runtime.terminate();
            runtime.awaitStdout(Pattern.compile("\"taskId\":\"" + stopped + "\",\"status\":\"cancelled\","
                    + "\"statusMessage\":\"Cancelled: the server is shutting down\""), WAIT);
            assertEquals(0, runtime.awaitExit(WAIT));
        }
    }

    /** Starts a countdown of two minutes as a task and waits until it runs; returns its id. */
    private static String startLongCountdown(Session session, Await.Probe<Integer> running) throws Exception {
        String taskId = session.request("tools/call", countdownParams(120, 60_000)).path("result").path("task")
                .path("taskId").asText();
        Await.until(running, calls -> calls == 1, WAIT, "the countdown running");
        return taskId;
    }

    @Test
    void statelessHttpServesNoTasksAndRunsATaskAugmentedCallAsAnOrdinaryOne() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--stateless")) {
            Session stateless = new HttpSession(URI.create(runtime.endpoint()), null);
            JsonNode initialized = stateless.request("initialize", INITIALIZE).path("result");
            assertTrue(initialized.path("capabilities").path("tasks").isMissingNode(), initialized.toString());
            JsonNode tools = stateless.request("tools/list", "{}").path("result").path("tools");
            assertTrue(tool(tools, "example_countdown").path("execution").isMissingNode(), tools.toString());
            assertEquals("Countdown of 1 s finished", text(stateless.request("tools/call", countdownParams(1, 60_000))),
                    "params.task ignored, as by any server without the capability");
            assertEquals(-32601, errorCode(stateless.request("tasks/list", "{}")));
        }
    }

    @Test
    void memoryReindexRunsAsATask() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(Fixtures.memoryPlugins())) {
            HttpSession session = new HttpSession(URI.create(runtime.endpoint()));
            JsonNode tools = session.request("tools/list", "{}").path("result").path("tools");
            assertEquals("optional", tool(tools, "memory_reindex").path("execution").path("taskSupport").asText());
            for (int n = 0; n < 3; n++) {
                session.request("tools/call", "{\"name\":\"memory_store\",\"arguments\":{\"text\":\"entry " + n
                        + "\"}}");
            }
            String taskId = session.request("tools/call", "{\"name\":\"memory_reindex\",\"arguments\":{},"
                    + "\"task\":{}}").path("result").path("task").path("taskId").asText();
            JsonNode reindexed = session.request("tasks/result", byId(taskId)).path("result");
            assertEquals(JSON.readTree("{\"entries\":3,\"total\":3,\"complete\":true}"),
                    reindexed.path("structuredContent"), reindexed.toString());
            JsonNode done = session.request("tasks/get", byId(taskId)).path("result");
            assertEquals("completed", done.path("status").asText());
            assertEquals(3_600_000, done.path("ttl").asLong(), "no ttl asked for: the server's maximum");
        }
    }

    private static void assertTaskLifecycle(Session session, Await.Probe<Integer> running) throws Exception {
        JsonNode initialized = session.request("initialize", INITIALIZE).path("result");
        assertEquals(JSON.readTree("{\"list\":{},\"cancel\":{},\"requests\":{\"tools\":{\"call\":{}}}}"),
                initialized.path("capabilities").path("tasks"), initialized.toString());
        JsonNode tools = session.request("tools/list", "{}").path("result").path("tools");
        assertEquals("optional", tool(tools, "example_countdown").path("execution").path("taskSupport").asText());
        assertTrue(tool(tools, "example_echo").path("execution").isMissingNode(), "no task support: no execution");

        // a task: answered at once, working, then completed with the tool's result
        long sent = System.nanoTime();
        JsonNode created = session.request("tools/call", countdownParams(3, 60_000)).path("result").path("task");
        assertTrue(Duration.ofNanos(System.nanoTime() - sent).toMillis() < 2_500, "answered before the tool ended");
        String taskId = created.path("taskId").asText();
        assertEquals("working", created.path("status").asText(), created.toString());
        assertEquals(60_000, created.path("ttl").asLong());
        assertTrue(created.path("createdAt").isTextual() && created.path("lastUpdatedAt").isTextual());
        JsonNode working = Await.until(() -> session.request("tasks/get", byId(taskId)).path("result"),
                task -> task.path("statusMessage").asText().endsWith("s left (1/3)"), WAIT,
                "the countdown's progress as the task's status message");
        assertEquals("working", working.path("status").asText(), working.toString());
        assertEquals(taskId, session.request("tasks/list", "{}").path("result").path("tasks").get(0).path("taskId")
                .asText());
        JsonNode result = session.request("tasks/result", byId(taskId)).path("result");
        assertEquals("Countdown of 3 s finished", result.path("content").get(0).path("text").asText(),
                result.toString());
        assertEquals(taskId, result.path("_meta").path("io.modelcontextprotocol/related-task").path("taskId")
                .asText());
        assertEquals("completed", session.request("tasks/get", byId(taskId)).path("result").path("status").asText());
        JsonNode refused = session.request("tasks/cancel", byId(taskId));
        assertEquals(-32602, errorCode(refused), "an ended task cannot be cancelled: " + refused);

        // cancelling a running task stops the tool
        String longOne = startLongCountdown(session, running);
        JsonNode cancelled = session.request("tasks/cancel", byId(longOne)).path("result");
        assertEquals("cancelled", cancelled.path("status").asText(), cancelled.toString());
        Await.until(running, calls -> calls == 0, WAIT, "the cancelled countdown stopped");
        assertEquals("cancelled", session.request("tasks/get", byId(longOne)).path("result").path("status")
                .asText());

        // what the spec asks of a tool without task support, and of unknown tasks
        assertEquals(-32601, errorCode(session.request("tools/call",
                "{\"name\":\"example_echo\",\"arguments\":{\"message\":\"hi\"},\"task\":{}}")));
        assertEquals(-32602, errorCode(session.request("tasks/result", byId("no-such-task"))));

        // and the ordinary call is answered as always
        assertEquals("Countdown of 1 s finished", text(session.request("tools/call",
                "{\"name\":\"example_countdown\",\"arguments\":{\"seconds\":1}}")));
    }

    private static String countdownParams(int seconds, long ttl) {
        return "{\"name\":\"example_countdown\",\"arguments\":{\"seconds\":" + seconds + "},\"task\":{\"ttl\":"
                + ttl + "}}";
    }

    private static String countdownAsTask(int id, int seconds) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":"
                + countdownParams(seconds, 60_000) + "}";
    }

    private static String byId(String taskId) {
        return "{\"taskId\":\"" + taskId + "\"}";
    }

    private static JsonNode tool(JsonNode tools, String name) {
        for (JsonNode tool : tools) {
            if (name.equals(tool.path("name").asText())) {
                return tool;
            }
        }
        throw new AssertionError(name + " not listed: " + tools);
    }

    private static String text(JsonNode answer) {
        return answer.path("result").path("content").path(0).path("text").asText(answer.toString());
    }

    private static int errorCode(JsonNode answer) {
        return answer.path("error").path("code").asInt(0);
    }

    /** Posts the request on a connection of its own and closes it without reading a byte of the answer. */
    private static void postWithoutReading(URI endpoint, String session, String body) throws Exception {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + endpoint.getPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":"
                    + endpoint.getPort() + "\r\nMcp-Session-Id: " + session + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }
    }

    /** A Streamable HTTP session, initialized on creation; answers read from an event stream or a JSON body. */
    private static final class HttpSession implements Session {
        private final URI endpoint;
        private final String id;
        private final AtomicInteger ids = new AtomicInteger(100);

        HttpSession(URI endpoint) throws Exception {
            this(endpoint, RawHttp.initializedSession(endpoint));
        }

        /** @param id the session, or null for requests outside any (stateless HTTP) */
        HttpSession(URI endpoint, String id) {
            this.endpoint = endpoint;
            this.id = id;
        }

        @Override
        public JsonNode request(String method, String params) throws Exception {
            String body = RawHttp.send(RawHttp.post(endpoint, id, "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet()
                    + ",\"method\":\"" + method + "\",\"params\":" + params + "}")).body();
            for (String line : body.split("\n")) {
                JsonNode message = line.startsWith("data:") ? JSON.readTree(line.substring(5).strip()) : null;
                if (message != null && message.has("id")) {
                    return message; // the answer, after the call's log messages
                }
            }
            return JSON.readTree(body);
        }
    }

    /** The one session of a stdio server; its answers are found by id among its stdout lines. */
    private static final class StdioSession implements Session {
        private final RuntimeProcess runtime;
        private final AtomicInteger ids = new AtomicInteger();

        StdioSession(RuntimeProcess runtime) {
            this.runtime = runtime;
        }

        @Override
        public JsonNode request(String method, String params) throws Exception {
            String id = "t" + ids.incrementAndGet();
            runtime.send("{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"params\":"
                    + params + "}");
            Pattern answer = Pattern.compile("\"id\":\"" + id + "\"");
            runtime.awaitStdout(answer, WAIT);
            if (method.equals("initialize")) {
                runtime.send(RawHttp.INITIALIZED);
            }
            for (String line : runtime.stdout()) {
                if (answer.matcher(line).find()) {
                    return JSON.readTree(line);
                }
            }
            throw new AssertionError("no answer to " + id);
        }
    }
}
