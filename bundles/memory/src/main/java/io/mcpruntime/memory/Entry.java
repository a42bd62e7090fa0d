package io.mcpruntime.memory;

import java.util.List;

/**
 * One memory entry as stored and as tools return it.
 *
 * @param id generated at store time, never changes
 * @param title a short headline, or null
 * @param text what to remember
 * @param tags lower-case labels, sorted
 * @param source where the entry came from (a URL, a file, a conversation), or null
 * @param importance 1 (trivia) to 5 (must not be forgotten)
 * @param created when it was stored (ISO-8601, UTC)
 * @param updated when it was last changed (ISO-8601, UTC)
 */
public record Entry(String id, String title, String text, List<String> tags, String source, int importance,
        String created, String updated) {
}
