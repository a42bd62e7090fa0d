package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * The SQL plugin as the SQL process tests meet it: its jar dropped into a plugins folder of the real runtime (HTTP),
 * the SDK's client connected, and the questions those tests keep asking (a tool's structured answer, the source
 * list, {@code /health}).
 */
final class SqlRuntime implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final RuntimeProcess process;
    private final McpSyncClient client;

    private SqlRuntime(RuntimeProcess process, McpSyncClient client) {
        this.process = process;
        this.client = client;
    }

    /** Drops sql.jar into the folder, next to any source files written there, and starts the runtime. */
    static SqlRuntime start(Path plugins) throws Exception {
        return start(plugins, Map.of());
    }

    /** The same, with environment variables for the runtime (MCP_SQL_* and the seed's MCP_* settings). */
    static SqlRuntime start(Path plugins, Map<String, String> environment) throws Exception {
        Fixtures.drop("sql.jar", plugins, "sql.jar");
        RuntimeProcess process = RuntimeProcess.startHttp(plugins, environment);
        return new SqlRuntime(process, Clients.sync(Clients.http(process.endpoint())));
    }

    /** Writes the source's configuration file, {@code io.mcpruntime.sql.source-<name>.cfg}. */
    static Path writeSource(Path plugins, String name, String settings) throws IOException {
        return Files.writeString(plugins.resolve("io.mcpruntime.sql.source-" + name + ".cfg"), settings);
    }

    McpSyncClient client() {
        return client;
    }

    RuntimeProcess process() {
        return process;
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return Clients.call(client, tool, arguments);
    }

    /** The structured answer of a call that must succeed. */
    JsonNode answer(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> tool + " failed: " + Clients.text(result));
        return JSON.valueToTree(result.structuredContent());
    }

    /** The text of a call that must fail. */
    String failure(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        assertTrue(Boolean.TRUE.equals(result.isError()), () -> "expected a failure, got " + Clients.text(result));
        return Clients.text(result);
    }

    /** The sources as sql_list_sources lists them. */
    List<JsonNode> sources() {
        return StreamSupport.stream(answer("sql_list_sources", Map.of()).get("sources").spliterator(), false)
                .toList();
    }

    List<String> sourceNames() {
        return sources().stream().map(source -> source.get("name").asText()).toList();
    }

    /** One source as sql_list_sources lists it; an empty object while there is none of that name. */
    JsonNode source(String name) {
        return sources().stream().filter(source -> source.get("name").asText().equals(name)).findFirst()
                .orElseGet(JSON::createObjectNode);
    }

    /** The runtime's {@code /health} report. */
    JsonNode health() throws Exception {
        return JSON.readTree(RawHttp.get(URI.create(process.endpoint()).resolve("/health")).body());
    }

    /** Polls until the condition holds (ConfigAdmin, FileInstall and probes act asynchronously), failing after 60 s. */
    static <T> void await(Await.Probe<T> value, Predicate<T> condition, String what) throws Exception {
        Await.until(value, condition, SETTLE, what);
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
        process.close();
    }
}
