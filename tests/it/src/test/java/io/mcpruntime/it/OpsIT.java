package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /health/live, /health/ready, /health (with plugin health checks) and /metrics, over HTTP and stdio's admin port. */
class OpsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LIST_CHANGED_SENT =
            "mcp_notifications_sent_total{method=\"notifications/tools/list_changed\"}";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void healthFollowsThePluginsAndMetricsCountWhatHappens() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path());
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            URI base = URI.create(runtime.endpoint()).resolve("/");
            assertEquals("{\"status\":\"UP\"}", RawHttp.get(base.resolve("health/live")).body());
            HttpResponse<String> ready = RawHttp.get(base.resolve("health/ready"));
            assertEquals(200, ready.statusCode());
            assertEquals("UP", JSON.readTree(ready.body()).get("status").asText());

            JsonNode health = health(base);
            assertEquals("UP", health.get("status").asText());
            assertEquals("streamable-http", health.get("transport").asText());
            assertEquals("any", health.get("pluginTrust").asText());
            // no jar is checked in plugin-trust=any, so the audit names no signer
            runtime.awaitStderr(Pattern.compile("action=registered plugin=\\S+ version=\\S+ jar=example\\.jar "
                    + "sha256=[0-9a-f]+ added="), Duration.ofSeconds(10));
            assertEquals("UP", plugin(health, "example.jar").at("/health/state").asText());

            Fixtures.drop("twenty.jar", plugins.path(), "twenty.jar");
            Clients.call(client, "example_echo", Map.of("message", "ok"));
            Clients.call(client, "example_countdown", Map.of("seconds", "soon"));
            Clients.call(client, "example_stats", Map.of("values", "[1,2]"));
            JsonNode degraded = Await.until(() -> health(base), h -> "DEGRADED".equals(h.get("status").asText()),
                    WAIT, "/health DEGRADED");
            assertEquals("DOWN", plugin(degraded, "twenty.jar").at("/health/state").asText());
            assertEquals("backend unreachable (fixture)",
                    plugin(degraded, "twenty.jar").at("/health/message").asText());
            assertEquals(200, RawHttp.get(base.resolve("health/ready")).statusCode(), "degraded is still ready");

            // list_changed goes out after the coalescing window
            Metrics.await(base, LIST_CHANGED_SENT, sent -> sent >= 1, WAIT.toMillis());
            String metrics = Metrics.scrape(base);
            assertTrue(metrics.contains("mcp_tool_calls_seconds_count{outcome=\"ok\",tool=\"example_echo\"} 1"),
                    metrics);
            assertTrue(metrics.contains(
                    "mcp_tool_calls_seconds_count{outcome=\"error\",tool=\"example_countdown\"} 1"));
            assertTrue(metrics.contains("mcp_tool_calls_seconds_bucket{outcome=\"ok\",tool=\"example_echo\",le="));
            assertTrue(metrics.contains("mcp_argument_repairs_total{tool=\"example_stats\"} 1"));
            assertTrue(metrics.contains("mcp_sessions_opened_total{transport=\"streamable-http\"}"));
            assertTrue(metrics.contains("mcp_plugins{state=\"ACTIVE\"} 2"));
            assertTrue(metrics.contains("mcp_tool_calls_running "));
            assertTrue(metrics.contains("jvm_threads_live_threads "));
        }
    }

    @Test
    void stdioServesHealthOnItsAdminPort() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startStdio(plugins.path(), "--admin-port", "0")) {
            URI health = runtime.health();
            JsonNode body = JSON.readTree(RawHttp.get(health).body());
            assertEquals("stdio", body.get("transport").asText());
            assertEquals("UP", body.get("status").asText());
            assertTrue(Metrics.scrape(health).contains("mcp_plugins{state=\"ACTIVE\"} 1"));

            runtime.closeStdin();
            runtime.awaitExit(Duration.ofSeconds(20));
        }
    }

    private static JsonNode health(URI base) throws Exception {
        return JSON.readTree(RawHttp.get(base.resolve("health")).body());
    }

    private static JsonNode plugin(JsonNode health, String file) {
        for (JsonNode plugin : health.get("plugins")) {
            if (file.equals(plugin.get("file").asText())) {
                return plugin;
            }
        }
        throw new AssertionError(file + " not in " + health);
    }
}
