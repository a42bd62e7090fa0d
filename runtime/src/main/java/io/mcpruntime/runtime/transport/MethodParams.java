package io.mcpruntime.runtime.transport;

import static io.mcpruntime.runtime.transport.ParamsShape.ID;
import static io.mcpruntime.runtime.transport.ParamsShape.NUMBER;
import static io.mcpruntime.runtime.transport.ParamsShape.OBJECT;
import static io.mcpruntime.runtime.transport.ParamsShape.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The params shape of every method the runtime serves, from the 2025-11-25 schema: the table {@link JsonRpcCheck}
 * consults before the SDK sees a message. A method the runtime starts to serve gets its line here. A method not
 * listed only needs params that are an object; the SDK answers it (-32601 if nobody serves it).
 */
final class MethodParams {
    private static final ParamsShape LIST = ParamsShape.optional().allow("cursor", STRING);
    private static final ParamsShape BY_URI = ParamsShape.required().require("uri", STRING);
    private static final ParamsShape BY_TASK_ID = ParamsShape.required().require("taskId", STRING);
    private static final List<String> LEVELS =
            List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    private static final Map<String, ParamsShape> SHAPES = Map.ofEntries(
            Map.entry(McpSchema.METHOD_INITIALIZE, ParamsShape.required()
                    .require("protocolVersion", STRING)
                    .require("capabilities", OBJECT)
                    .require("clientInfo", ParamsShape.object()
                            .require("name", STRING).require("version", STRING).asType())),
            Map.entry(McpSchema.METHOD_PING, ParamsShape.optional()),
            Map.entry(McpSchema.METHOD_TOOLS_LIST, LIST),
            Map.entry(McpSchema.METHOD_TOOLS_CALL, ParamsShape.required()
                    .require("name", STRING).allow("arguments", OBJECT)
                    .allow("task", ParamsShape.object().allow("ttl", NUMBER).asType())),
            Map.entry("tasks/get", BY_TASK_ID),
            Map.entry("tasks/result", BY_TASK_ID),
            Map.entry("tasks/cancel", BY_TASK_ID),
            Map.entry("tasks/list", LIST),
            Map.entry(McpSchema.METHOD_RESOURCES_LIST, LIST),
            Map.entry(McpSchema.METHOD_RESOURCES_TEMPLATES_LIST, LIST),
            Map.entry(McpSchema.METHOD_RESOURCES_READ, BY_URI),
            Map.entry(McpSchema.METHOD_RESOURCES_SUBSCRIBE, BY_URI),
            Map.entry(McpSchema.METHOD_RESOURCES_UNSUBSCRIBE, BY_URI),
            Map.entry(McpSchema.METHOD_PROMPT_LIST, LIST),
            Map.entry(McpSchema.METHOD_PROMPT_GET, ParamsShape.required()
                    .require("name", STRING).allow("arguments", OBJECT)),
            Map.entry(McpSchema.METHOD_COMPLETION_COMPLETE, ParamsShape.required()
                    .require("ref", ParamsShape.object()
                            .require("type", ParamsShape.oneOf(List.of("ref/prompt", "ref/resource")))
                            .allow("name", STRING).allow("uri", STRING).asType())
                    .require("argument", ParamsShape.object()
                            .require("name", STRING).require("value", STRING).asType())
                    .allow("context", ParamsShape.object().allow("arguments", OBJECT).asType())),
            Map.entry(McpSchema.METHOD_LOGGING_SET_LEVEL, ParamsShape.required()
                    .require("level", ParamsShape.oneOf(LEVELS))),
            Map.entry(McpSchema.METHOD_NOTIFICATION_INITIALIZED, ParamsShape.optional()),
            Map.entry(CancelledRequest.METHOD, ParamsShape.required()
                    .allow("requestId", ID).allow("reason", STRING)),
            Map.entry(McpSchema.METHOD_NOTIFICATION_PROGRESS, ParamsShape.required()
                    .require("progressToken", ID).require("progress", NUMBER)
                    .allow("total", NUMBER).allow("message", STRING)),
            Map.entry(McpSchema.METHOD_NOTIFICATION_ROOTS_LIST_CHANGED, ParamsShape.optional()));
    private static final ParamsShape ANY = ParamsShape.optional();

    private MethodParams() {
    }

    /** What is wrong with these params of this method, or null if nothing is. */
    static String problem(String method, JsonNode params) {
        return SHAPES.getOrDefault(method, ANY).problem(params);
    }
}
