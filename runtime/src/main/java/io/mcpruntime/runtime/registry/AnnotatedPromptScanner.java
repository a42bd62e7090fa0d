package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.Completion;
import io.mcpruntime.api.Prompt;
import io.mcpruntime.api.PromptMessage;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link Prompt} and {@link Completion} methods of a plugin component. A prompt's {@code String}
 * parameters are its arguments; it returns a {@code String}, a {@link PromptMessage} or a list of them. A completion
 * method takes the text typed so far and returns suggestions.
 */
final class AnnotatedPromptScanner {
    private static final int MAX_SUGGESTIONS = 100;

    List<PromptDefinition> prompts(Object component, PluginId owner) {
        return AnnotatedMethods.collect(component, Prompt.class, owner, (method, prompt) -> {
            String name = ToolNames.qualify(owner.namespace(), AnnotatedMethods.orDefault(prompt.name(),
                    method.getName()));
            List<ToolParameter> parameters = Arrays.stream(method.getParameters())
                    .map(p -> ToolParameter.of(p, name)).toList();
            if (parameters.stream().anyMatch(p -> p.rawType() != String.class)) {
                throw new IllegalArgumentException("prompt arguments are strings");
            }
            List<PromptDefinition.Argument> arguments = parameters.stream()
                    .map(p -> new PromptDefinition.Argument(p.name(),
                            p.param() == null ? null : AnnotatedMethods.emptyToNull(p.param().description()),
                            p.required()))
                    .toList();
            return new PromptDefinition(name, AnnotatedMethods.emptyToNull(prompt.title()),
                    AnnotatedMethods.emptyToNull(AnnotatedMethods.orDefault(prompt.description(), prompt.title())),
                    arguments,
                    values -> messages(AnnotatedMethods.call(method, component, ordered(arguments, values))), owner);
        });
    }

    List<CompletionDefinition> completions(Object component, PluginId owner) {
        return AnnotatedMethods.collect(component, Completion.class, owner, (method, completion) -> {
            if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != String.class
                    || !List.class.isAssignableFrom(method.getReturnType())) {
                throw new IllegalArgumentException("a completion method takes the typed String and returns a List");
            }
            boolean forPrompt = !completion.prompt().isEmpty();
            if (forPrompt == !completion.resourceTemplate().isEmpty()) {
                throw new IllegalArgumentException("set exactly one of prompt and resourceTemplate");
            }
            return new CompletionDefinition(
                    forPrompt ? CompletionDefinition.Kind.PROMPT : CompletionDefinition.Kind.RESOURCE_TEMPLATE,
                    forPrompt ? ToolNames.qualify(owner.namespace(), completion.prompt())
                            : completion.resourceTemplate(),
                    completion.argument(),
                    typed -> suggestions(method, component, typed), owner);
        });
    }

    private static Object[] ordered(List<PromptDefinition.Argument> arguments, Map<String, String> values) {
        return arguments.stream().map(a -> values.get(a.name())).toArray();
    }

    @SuppressWarnings("unchecked")
    private static List<PromptMessage> messages(Object value) {
        if (value instanceof PromptMessage message) {
            return List.of(message);
        }
        if (value instanceof List<?> list) {
            return (List<PromptMessage>) list;
        }
        return List.of(PromptMessage.user(value == null ? "" : value.toString()));
    }

    private static List<String> suggestions(Method method, Object component, String typed) throws Exception {
        List<?> values = (List<?>) AnnotatedMethods.call(method, component, typed);
        return values == null ? List.of()
                : values.stream().limit(MAX_SUGGESTIONS).map(String::valueOf).toList();
    }
}
