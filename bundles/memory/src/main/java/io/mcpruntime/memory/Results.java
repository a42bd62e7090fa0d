package io.mcpruntime.memory;

import java.util.List;

/** What the memory tools answer. */
final class Results {
    private Results() {
    }

    /** A stored, updated or deleted entry's id, and what happened to it. */
    record Stored(String id, String status, Entry entry) {
    }

    /**
     * One search hit.
     *
     * @param snippet the best passages with matches in {@code **bold**}, or the text's beginning
     * @param score BM25 relevance; null when listing without a query (newest first)
     */
    record Hit(String id, String title, String snippet, List<String> tags, String source, int importance,
            String updated, Float score) {
    }

    /**
     * A page of hits.
     *
     * @param total how many entries match
     * @param totalIsLowerBound whether there are at least {@code total} (counting stopped early)
     * @param nextOffset the offset of the next page, or null on the last
     */
    record SearchPage(List<Hit> hits, long total, boolean totalIsLowerBound, Integer nextOffset) {
    }

    record TagCount(String tag, int entries) {
    }

    record Tags(List<TagCount> tags, int distinct) {
    }

    record Stats(int entries, int distinctTags, int segments, long indexBytes, int maxEntryChars,
            String luceneVersion) {
    }

    /** @param complete false when the call was cancelled before every entry was rewritten */
    record Reindexed(int entries, int total, boolean complete) {
    }
}
