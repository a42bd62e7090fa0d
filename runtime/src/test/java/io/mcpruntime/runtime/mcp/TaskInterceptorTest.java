package io.mcpruntime.runtime.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.TaskSupport;
import io.mcpruntime.api.ToolResult;
import io.mcpruntime.runtime.ops.KernelMetrics;
import io.mcpruntime.runtime.registry.DuplicatePolicy;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.PluginGates;
import io.mcpruntime.runtime.registry.PluginId;
import io.mcpruntime.runtime.registry.TagFilter;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.registry.ToolHints;
import io.mcpruntime.runtime.registry.ToolInvoker;
import io.mcpruntime.runtime.registry.ToolScopes;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What a tool's task support makes of a tools/call, and a task run through the kernel's real call path. */
class TaskInterceptorTest {
    private static final PluginId PLUGIN = new PluginId(7, "com.acme.jobs", "1.0.0", "jobs");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FeatureCatalog catalog = new FeatureCatalog(DuplicatePolicy.ERROR, TagFilter.NONE,
            Duration.ofHours(1));
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final RunningCalls running = new RunningCalls(Thread::new);
    private final ToolCallRunner runner = new ToolCallRunner(workers, new ToolInvoker(new ObjectMapper(),
            (schema, arguments) -> Optional.empty(), false, true, new PluginGates(4, Duration.ofSeconds(1)), catalog,
            name -> { }), new InFlightCalls(), running, Duration.ofSeconds(1), Duration.ofSeconds(30), catalog,
            new KernelMetrics(() -> 0, List::of), new ToolScopes(Map.of()));
    private final TaskInterceptor tasks = TaskInterceptor.of(runner, catalog,
            new JacksonMcpJsonMapper(new ObjectMapper()), Duration.ofMinutes(5), new SessionNotices());

    TaskInterceptorTest() {
        catalog.register(List.of(tool("jobs_required", TaskSupport.REQUIRED), tool("jobs_optional",
                TaskSupport.OPTIONAL), tool("jobs_plain", TaskSupport.FORBIDDEN)));
    }

    @AfterEach
    void stop() {
        running.close();
        workers.shutdownNow();
    }

    private static ToolDefinition tool(String name, TaskSupport support) {
        return new ToolDefinition(name, null, null, Map.of("type", "object"), null, Set.of(), ToolHints.DEFAULT,
                null, (arguments, context) -> ToolResult.text(name + " ran"), PLUGIN, Set.of(), support);
    }

    @Test
    void aRequiredToolCalledWithoutATaskAndATaskOfAToolWithoutSupportAreMethodNotFound() {
        assertEquals(McpSchema.ErrorCodes.METHOD_NOT_FOUND, errorCode(call("jobs_required", false)));
        assertEquals(McpSchema.ErrorCodes.METHOD_NOT_FOUND, errorCode(call("jobs_plain", true)));
    }

    @Test
    void aCallWithoutATaskOfAToolThatAllowsItIsTheSdksAsAlways() {
        assertNull(call("jobs_optional", false));
        assertNull(call("jobs_plain", false));
        assertNull(call("jobs_unknown", true), "the SDK answers an unknown tool");
    }

    @Test
    void aTaskRunsTheToolAndItsResultIsFetchedByItsSessionOnly() {
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) ((Map<String, Object>) call("jobs_required", true)
                .block(WAIT)).get("task");
        assertEquals("working", task.get("status"), "created working, however quickly the tool ends");
        Map<String, Object> byId = Map.of("taskId", task.get("taskId"));

        McpSchema.CallToolResult result = (McpSchema.CallToolResult) tasks.intercept(TaskInterceptor.RESULT, byId,
                "s1").block(WAIT);

        assertEquals("jobs_required ran", ((McpSchema.TextContent) result.content().get(0)).text());
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, errorCode(tasks.intercept(TaskInterceptor.GET, byId,
                "s2")));
    }

    @Test
    void withoutASessionThereAreNoTasks() {
        assertNull(tasks.intercept(McpSchema.METHOD_TOOLS_CALL, Map.of("name", "jobs_optional", "task", Map.of()),
                null));
        assertNull(tasks.intercept(TaskInterceptor.LIST, Map.of(), null));
    }

    private Mono<Object> call(String tool, boolean asTask) {
        Map<String, Object> params = asTask ? Map.of("name", tool, "arguments", Map.of(), "task", Map.of("ttl", 1000))
                : Map.of("name", tool, "arguments", Map.of());
        return tasks.intercept(McpSchema.METHOD_TOOLS_CALL, params, "s1");
    }

    private static int errorCode(Mono<Object> answer) {
        return assertThrows(McpError.class, () -> answer.block(WAIT)).getJsonRpcError().code();
    }
}
