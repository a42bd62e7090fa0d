package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.Resource;
import io.mcpruntime.api.ResourceContents;
import io.mcpruntime.api.ResourceTemplate;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link Resource} and {@link ResourceTemplate} methods of a plugin component. A resource method takes no
 * arguments; a template method takes the template variables by name. Either returns text, bytes or
 * {@link ResourceContents}.
 */
final class AnnotatedResourceScanner {

    List<ResourceDefinition> resources(Object component, PluginId owner) {
        return AnnotatedMethods.collect(component, Resource.class, owner, (method, resource) -> {
            if (method.getParameterCount() != 0) {
                throw new IllegalArgumentException("a @Resource method takes no arguments (use @ResourceTemplate)");
            }
            return new ResourceDefinition(resource.uri(), AnnotatedMethods.orDefault(resource.name(),
                    method.getName()), AnnotatedMethods.emptyToNull(resource.description()), resource.mimeType(),
                    () -> contents(resource.uri(), resource.mimeType(), AnnotatedMethods.call(method, component)),
                    owner);
        });
    }

    List<ResourceTemplateDefinition> templates(Object component, PluginId owner) {
        return AnnotatedMethods.collect(component, ResourceTemplate.class, owner, (method, template) -> {
            List<String> variables = variableNames(method, template.uriTemplate());
            return new ResourceTemplateDefinition(template.uriTemplate(),
                    AnnotatedMethods.orDefault(template.name(), method.getName()),
                    AnnotatedMethods.emptyToNull(template.description()), template.mimeType(),
                    (uri, values) -> contents(uri, template.mimeType(),
                            AnnotatedMethods.call(method, component, arguments(variables, values))),
                    owner);
        });
    }

    private static List<String> variableNames(Method method, String uriTemplate) {
        List<String> names = Arrays.stream(method.getParameters())
                .map(p -> ToolParameter.of(p, uriTemplate).name())
                .toList();
        for (String name : names) {
            if (!uriTemplate.contains("{" + name + "}")) {
                throw new IllegalArgumentException("parameter '" + name + "' is not a variable of " + uriTemplate);
            }
        }
        return names;
    }

    private static Object[] arguments(List<String> variables, Map<String, String> values) {
        return variables.stream().map(values::get).toArray();
    }

    static ResourceContents contents(String uri, String mimeType, Object value) {
        if (value instanceof ResourceContents contents) {
            return contents.uri() == null
                    ? new ResourceContents(uri, contents.mimeType(), contents.text(), contents.blob()) : contents;
        }
        if (value instanceof byte[] bytes) {
            return ResourceContents.blob(uri, mimeType, bytes);
        }
        return ResourceContents.text(uri, mimeType, value == null ? "" : value.toString());
    }
}
