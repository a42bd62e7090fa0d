package io.mcpruntime.runtime.registry;

import java.util.Collection;
import java.util.Set;

/**
 * The operator's tag filter ({@code MCP_INCLUDE_TAGS}, {@code MCP_EXCLUDE_TAGS}): a tool is served when it has one
 * of the included tags (or no include list is set) and none of the excluded ones. A filtered tool is neither listed
 * nor callable.
 */
public record TagFilter(Set<String> include, Set<String> exclude) {

    public static final TagFilter NONE = new TagFilter(Set.of(), Set.of());

    public TagFilter {
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
    }

    public boolean accepts(Collection<String> tags) {
        return (include.isEmpty() || tags.stream().anyMatch(include::contains))
                && tags.stream().noneMatch(exclude::contains);
    }
}
