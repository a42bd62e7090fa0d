package io.mcpruntime.memory;

import java.util.List;

/**
 * What {@code memory_search} asks for.
 *
 * @param query Lucene query text; blank finds every entry, newest first
 * @param tags entries must carry all of these (normalized)
 * @param source entries must come from this source, or null
 * @param minImportance entries must be at least this important
 * @param offset hits to skip
 * @param limit hits to return
 */
record SearchRequest(String query, List<String> tags, String source, int minImportance, int offset, int limit) {
    boolean matchesAll() {
        return query == null || query.isBlank();
    }
}
