package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@link Tool} methods of a plugin component and turns each into a {@link ToolDefinition} whose handler
 * binds arguments, invokes the method and maps the result. A method that cannot become a tool is skipped with an
 * error line naming the plugin, the method and the reason; the others still load.
 */
public final class AnnotatedToolScanner {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotatedToolScanner.class);

    private final ObjectMapper mapper;
    private final SchemaFactory schemas;
    private final ResultMapper results;

    public AnnotatedToolScanner(ObjectMapper mapper) {
        this.mapper = mapper;
        this.schemas = new SchemaFactory(mapper);
        this.results = new ResultMapper(mapper);
    }

    public List<ToolDefinition> scan(Object component, PluginId owner) {
        List<ToolDefinition> tools = new ArrayList<>();
        Method[] methods = component.getClass().getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            Tool tool = method.getAnnotation(Tool.class);
            if (tool == null) {
                continue;
            }
            try {
                tools.add(define(component, method, tool, owner));
            } catch (IllegalArgumentException e) {
                LOG.error("Plugin {}: method {}.{} is not a valid tool: {}", owner,
                        component.getClass().getSimpleName(), method.getName(), e.getMessage());
            }
        }
        return tools;
    }

    private ToolDefinition define(Object component, Method method, Tool tool, PluginId owner) {
        String name = ToolNames.qualify(owner.namespace(), tool.name().isEmpty() ? method.getName() : tool.name());
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("a tool method must not be static");
        }
        List<ToolParameter> parameters = Arrays.stream(method.getParameters())
                .map(p -> ToolParameter.of(p, name))
                .toList();
        method.trySetAccessible();
        ArgumentBinder binder = new ArgumentBinder(mapper, parameters);
        return new ToolDefinition(name, emptyToNull(tool.title()), emptyToNull(tool.description()),
                schemas.inputSchema(parameters),
                schemas.outputSchema(method.getGenericReturnType(), method.getReturnType()),
                Set.of(tool.tags()),
                new ToolHints(tool.readOnly(), tool.destructive() && !tool.readOnly(), tool.idempotent(),
                        tool.openWorld()),
                (arguments, context) -> invoke(component, method, binder, arguments, context),
                owner);
    }

    private ToolResult invoke(Object component, Method method, ArgumentBinder binder,
            Map<String, Object> arguments, ToolContext context) throws Exception {
        Object[] values = binder.bind(arguments, context);
        try {
            return results.map(method.invoke(component, values));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
