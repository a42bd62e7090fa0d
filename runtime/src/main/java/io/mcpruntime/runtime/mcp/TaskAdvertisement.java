package io.mcpruntime.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpruntime.api.TaskSupport;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.mcpruntime.runtime.transport.RequestInterceptor;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Adds what the SDK's types cannot carry to its answers: the {@code tasks} capability to {@code initialize}'s, and
 * each task-capable tool's {@code execution.taskSupport} to {@code tools/list}'s (absent means forbidden). Bound to
 * the servers that serve tasks ({@link TaskInterceptor}).
 */
public final class TaskAdvertisement implements RequestInterceptor {
    private static final String CAPABILITY = "{\"list\":{},\"cancel\":{},\"requests\":{\"tools\":{\"call\":{}}}}";

    private final ObjectMapper mapper;
    private final FeatureCatalog catalog;

    public TaskAdvertisement(ObjectMapper mapper, FeatureCatalog catalog) {
        this.mapper = mapper;
        this.catalog = catalog;
    }

    @Override
    public Mono<Object> intercept(String method, Object params, String sessionId) {
        return null;
    }

    @Override
    public boolean amends(String method) {
        return McpSchema.METHOD_INITIALIZE.equals(method) || McpSchema.METHOD_TOOLS_LIST.equals(method);
    }

    @Override
    public String amend(String method, String answer) {
        if (McpSchema.METHOD_TOOLS_LIST.equals(method) && catalog.tools().stream()
                .allMatch(tool -> tool.taskSupport() == TaskSupport.FORBIDDEN)) {
            return answer; // nothing to add: a list of a thousand tools is not parsed and written again for nothing
        }
        try {
            JsonNode response = mapper.readTree(answer);
            if (!(response.get("result") instanceof ObjectNode result)) {
                return answer; // an error
            }
            if (McpSchema.METHOD_INITIALIZE.equals(method) && result.get("capabilities") instanceof ObjectNode caps) {
                caps.set("tasks", mapper.readTree(CAPABILITY));
            } else if (result.get("tools") != null) {
                result.get("tools").forEach(this::addTaskSupport);
            }
            return mapper.writeValueAsString(response);
        } catch (IOException e) {
            return answer; // not a JSON-RPC response: nothing to add to
        }
    }

    private void addTaskSupport(JsonNode listed) {
        ToolDefinition tool = catalog.tool(listed.path("name").asText());
        if (tool != null && tool.taskSupport() != TaskSupport.FORBIDDEN && listed instanceof ObjectNode entry) {
            entry.putObject("execution").put("taskSupport", tool.taskSupport().name().toLowerCase(Locale.ROOT));
        }
    }
}
