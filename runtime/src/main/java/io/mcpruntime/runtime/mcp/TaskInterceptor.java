package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.TaskSupport;
import io.mcpruntime.api.ToolResult;
import io.mcpruntime.runtime.registry.Feature;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.transport.RequestContexts;
import io.mcpruntime.runtime.transport.RequestInterceptor;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP tasks (2025-11-25) for tool calls, which the SDK does not know: a {@code tools/call} with {@code params.task}
 * is answered at once with the task while the call runs in the background through {@link ToolCallRunner}, and
 * {@code tasks/get}, {@code tasks/result}, {@code tasks/list} and {@code tasks/cancel} are served from the session's
 * {@link TaskStore}. A tool's {@link TaskSupport} decides: a forbidden task and a required one called without a task
 * are refused with -32601, as the spec says. Requests without a session (stateless HTTP) pass to the SDK untouched:
 * that server does not advertise tasks, and the spec has such a server ignore {@code params.task}.
 */
public final class TaskInterceptor implements RequestInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(TaskInterceptor.class);
    static final String GET = "tasks/get";
    static final String RESULT = "tasks/result";
    static final String LIST = "tasks/list";
    static final String CANCEL = "tasks/cancel";
    static final String STATUS = "notifications/tasks/status";
    private static final Set<String> METHODS = Set.of(GET, RESULT, LIST, CANCEL);
    private static final int MAX_PER_SESSION = 100;
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final TaskStore store;
    private final FeatureCatalog catalog;
    private final ToolCallRunner runner;
    private final McpJsonMapper json;
    private final SessionNotices notices;

    TaskInterceptor(TaskStore store, FeatureCatalog catalog, ToolCallRunner runner, McpJsonMapper json,
            SessionNotices notices) {
        this.store = store;
        this.catalog = catalog;
        this.runner = runner;
        this.json = json;
        this.notices = notices;
    }

    /** Tasks that live at most {@code maxTtl}, whose status changes and progress go to their sessions. */
    public static TaskInterceptor of(ToolCallRunner runner, FeatureCatalog catalog, McpJsonMapper json,
            Duration maxTtl, SessionNotices notices) {
        return new TaskInterceptor(new TaskStore(Clock.systemUTC(), maxTtl, MAX_PER_SESSION, POLL_INTERVAL,
                task -> notices.send(task.session(), STATUS, task.view())), catalog, runner, json, notices);
    }

    @Override
    public Mono<Object> intercept(String method, Object params, String sessionId) {
        return intercept(method, params, sessionId, McpTransportContext.EMPTY);
    }

    @Override
    public Mono<Object> intercept(String method, Object params, String sessionId, McpTransportContext request) {
        if (sessionId == null) {
            return null;
        }
        if (McpSchema.METHOD_TOOLS_CALL.equals(method)) {
            return call(params, sessionId, request);
        }
        if (!METHODS.contains(method)) {
            return null;
        }
        Map<String, Object> members = members(params);
        return guarded(() -> switch (method) {
            case GET -> Mono.just(store.find(sessionId, taskId(members)).view());
            case RESULT -> Mono.fromFuture(store.find(sessionId, taskId(members)).result()).map(Object.class::cast);
            case LIST -> Mono.just(list(sessionId, (String) members.get("cursor")));
            default -> Mono.just(cancel(store.find(sessionId, taskId(members))));
        });
    }

    /** A deleted session's tasks are cancelled: nobody can ask for their results any more. */
    @Override
    public void sessionClosed(String sessionId) {
        store.closeSession(sessionId, "The session ended");
    }

    /** The tasks of tools no longer served (their plugin removed or being replaced) are cancelled. */
    public void featuresRemoved(List<Feature> removed) {
        Set<String> gone = removed.stream().filter(ToolDefinition.class::isInstance).map(Feature::key)
                .collect(Collectors.toSet());
        if (!gone.isEmpty()) {
            store.cancelWhere(task -> gone.contains(task.tool()),
                    "Cancelled: the tool's plugin was removed or replaced");
        }
    }

    /** The server shuts down: every task still working is cancelled. */
    public void shutdown() {
        store.cancelWhere(task -> true, "Cancelled: the server is shutting down");
    }

    private Mono<Object> call(Object params, String sessionId, McpTransportContext request) {
        Map<String, Object> members = members(params);
        ToolDefinition tool = members.get("name") instanceof String name ? catalog.tool(name) : null;
        if (tool == null) {
            return null; // the SDK answers an unknown tool
        }
        Object task = members.get("task");
        if (task == null) {
            return tool.taskSupport() != TaskSupport.REQUIRED ? null : Mono.error(methodNotFound("Tool '"
                    + tool.name() + "' must be called as a task (params.task): it is long-running"));
        }
        if (tool.taskSupport() == TaskSupport.FORBIDDEN) {
            return Mono.error(methodNotFound("Tool '" + tool.name() + "' cannot be called as a task"));
        }
        return guarded(() -> Mono.just(start(tool, params, sessionId, request, task)));
    }

    private Map<String, Object> start(ToolDefinition tool, Object params, String sessionId,
            McpTransportContext request, Object taskParams) {
        McpError refusal = runner.refusal(tool, request);
        if (refusal != null) {
            throw refusal;
        }
        Object ttl = taskParams instanceof Map<?, ?> task ? task.get("ttl") : null;
        ToolTask task = store.create(sessionId, tool.name(), ttl instanceof Number number ? number.longValue() : null);
        Map<String, Object> created = Map.of("task", task.view()); // working: a quick tool may end before it is sent
        McpSchema.CallToolRequest call = json.convertValue(params, new TypeRef<>() { });
        TaskToolContext context = new TaskToolContext(tool.owner().namespace(), RequestContexts.caller(request), task,
                call.progressToken(), notices);
        runner.runTask(tool, call, request, task, context)
                .onErrorResume(e -> {
                    LOG.error("The task of tool {} failed", tool.name(), e);
                    return Mono.just(SdkContent.toResult(ToolResult.error("Tool '" + tool.name()
                            + "' failed with an internal error")));
                })
                .subscribe(task::finish);
        return created;
    }

    private Map<String, Object> list(String sessionId, String cursor) {
        TaskStore.Page page = store.list(sessionId, cursor);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tasks", page.tasks().stream().map(ToolTask::view).toList());
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    private static Map<String, Object> cancel(ToolTask task) {
        if (!task.cancel("The task was cancelled by request")) {
            throw TaskStore.invalidParams("Task " + task.id() + " is already " + task.status().wireName()
                    + ": only a task still working can be cancelled");
        }
        return task.view();
    }

    /** The answer, or the JSON-RPC error the store or the runner refused the request with. */
    private static Mono<Object> guarded(Supplier<Mono<Object>> answer) {
        try {
            return answer.get();
        } catch (McpError e) {
            return Mono.error(e);
        }
    }

    private static String taskId(Map<String, Object> members) {
        return (String) members.get("taskId"); // JsonRpcCheck made sure it is a string
    }

    /** The params' members; as parsed already when they are a map (every tools/call passes here). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> members(Object params) {
        if (params instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return params == null ? Map.of() : json.convertValue(params, new TypeRef<>() { });
    }

    private static McpError methodNotFound(String message) {
        return McpError.builder(McpSchema.ErrorCodes.METHOD_NOT_FOUND).message(message).build();
    }
}
