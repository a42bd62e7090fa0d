package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolResult;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@link Tool} methods of a plugin component and turns each into a {@link ToolDefinition} whose handler
 * binds arguments, invokes the method and maps the result.
 */
public final class AnnotatedToolScanner {
    private final ObjectMapper mapper;
    private final SchemaFactory schemas;
    private final ResultMapper results;

    public AnnotatedToolScanner(ObjectMapper mapper) {
        this.mapper = mapper;
        this.schemas = new SchemaFactory(mapper);
        this.results = new ResultMapper(mapper);
    }

    public List<ToolDefinition> scan(Object component, PluginId owner) {
        return AnnotatedMethods.collect(component, Tool.class, owner,
                (method, tool) -> define(component, method, tool, owner));
    }

    private ToolDefinition define(Object component, Method method, Tool tool, PluginId owner) {
        String name = ToolNames.qualify(owner.namespace(), AnnotatedMethods.orDefault(tool.name(), method.getName()));
        List<ToolParameter> parameters = Arrays.stream(method.getParameters())
                .map(p -> ToolParameter.of(p, name))
                .toList();
        ArgumentBinder binder = new ArgumentBinder(mapper, parameters);
        return new ToolDefinition(name, AnnotatedMethods.emptyToNull(tool.title()),
                AnnotatedMethods.emptyToNull(AnnotatedMethods.orDefault(tool.description(), tool.title())),
                schemas.inputSchema(parameters),
                schemas.outputSchema(method.getGenericReturnType(), method.getReturnType()),
                Set.of(tool.tags()),
                ToolHints.of(tool.readOnly(), tool.destructive(), tool.idempotent(),
                        tool.openWorld()),
                tool.timeoutSeconds() > 0 ? Duration.ofSeconds(tool.timeoutSeconds()) : null,
                (arguments, context) -> invoke(component, method, binder, arguments, context),
                owner, Set.of(tool.scopes()), tool.taskSupport());
    }

    private ToolResult invoke(Object component, Method method, ArgumentBinder binder,
            Map<String, Object> arguments, ToolContext context) throws Exception {
        return results.map(AnnotatedMethods.call(method, component, binder.bind(arguments, context)));
    }
}
