package io.mcpruntime.memory;

import io.mcpruntime.api.ToolException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The rules an entry's values follow, and their normal form: text present and within the configured size, tags
 * trimmed, lower-case, distinct and few enough, importance from 1 to 5. Breaking one is a {@link ToolException} that
 * says which and how to fix it.
 */
final class Entries {
    static final int MIN_IMPORTANCE = 1;
    static final int MAX_IMPORTANCE = 5;
    static final int DEFAULT_IMPORTANCE = 3;
    static final int MAX_TAG_CHARS = 64;
    static final int MAX_TITLE_CHARS = 500;
    static final int MAX_SOURCE_CHARS = 2_000;

    private final int maxTextChars;
    private final int maxTags;

    Entries(int maxTextChars, int maxTags) {
        this.maxTextChars = maxTextChars;
        this.maxTags = maxTags;
    }

    int maxTextChars() {
        return maxTextChars;
    }

    String text(String text) {
        if (text == null || text.isBlank()) {
            throw new ToolException("text is empty: give the entry something to remember");
        }
        if (text.length() > maxTextChars) {
            throw new ToolException("text has " + text.length() + " characters, more than the limit of "
                    + maxTextChars + " (maxEntryChars in io.mcpruntime.memory.cfg); split it into several entries");
        }
        return text.strip();
    }

    List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        TreeSet<String> normal = new TreeSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                throw new ToolException("tags must not be empty");
            }
            if (t.length() > MAX_TAG_CHARS) {
                throw new ToolException("The tag '" + t.substring(0, 20) + "…' is longer than " + MAX_TAG_CHARS
                        + " characters");
            }
            normal.add(t);
        }
        if (normal.size() > maxTags) {
            throw new ToolException("An entry may have at most " + maxTags + " tags, not " + normal.size());
        }
        return List.copyOf(normal);
    }

    static String optional(String name, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxChars) {
            throw new ToolException(name + " is longer than " + maxChars + " characters");
        }
        return value.strip();
    }

    static int importance(Integer importance) {
        if (importance == null) {
            return DEFAULT_IMPORTANCE;
        }
        if (importance < MIN_IMPORTANCE || importance > MAX_IMPORTANCE) {
            throw new ToolException("importance must be from " + MIN_IMPORTANCE + " to " + MAX_IMPORTANCE + ", not "
                    + importance);
        }
        return importance;
    }
}
