package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@link Tool} methods of a plugin component and turns each into a {@link ToolDefinition} whose handler
 * binds arguments, invokes the method and maps the result. A method that cannot become a tool is skipped with an
 * error line naming the plugin, the method and the reason; the others still load.
 */
public final class AnnotatedToolScanner {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotatedToolScanner.class);
    /** What clients accept as a tool name (the MCP spec allows more, several clients do not). */
    static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    private final ObjectMapper mapper;
    private final InputSchemaFactory schemas;
    private final ResultMapper results;

    public AnnotatedToolScanner(ObjectMapper mapper) {
        this.mapper = mapper;
        this.schemas = new InputSchemaFactory(mapper);
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
        String localName = tool.name().isEmpty() ? method.getName() : tool.name();
        String name = owner.namespace() + "_" + localName;
        if (!TOOL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' must match " + TOOL_NAME.pattern());
        }
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("a tool method must not be static");
        }
        List<ToolParameter> parameters = Arrays.stream(method.getParameters())
                .map(p -> ToolParameter.of(p, name))
                .toList();
        method.trySetAccessible();
        ArgumentBinder binder = new ArgumentBinder(mapper, parameters);
        ToolHandler handler = (arguments, context) -> invoke(component, method, binder, arguments, context);
        return new ToolDefinition(name, emptyToNull(tool.title()), emptyToNull(tool.description()),
                schemas.schemaFor(parameters), handler, owner);
    }

    private ToolOutcome invoke(Object component, Method method, ArgumentBinder binder,
            Map<String, Object> arguments, ToolContext context) throws Exception {
        Object[] values = binder.bind(arguments == null ? Map.of() : arguments, context);
        try {
            return results.map(method.invoke(component, values));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
