package io.mcpruntime.memory;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.TaskSupport;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.memory.Results.Reindexed;
import io.mcpruntime.memory.Results.SearchPage;
import io.mcpruntime.memory.Results.Stats;
import io.mcpruntime.memory.Results.Stored;
import io.mcpruntime.memory.Results.Tags;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The memory tools: {@code memory_store}, {@code memory_search}, {@code memory_get}, {@code memory_update},
 * {@code memory_delete}, {@code memory_list_tags}, {@code memory_stats} and {@code memory_reindex}.
 */
@Component
public class MemoryTools implements McpPlugin {
    private static final String ID = "The entry's id (from memory_store or memory_search)";
    private static final String TAGS = "Labels to find the entry by, e.g. [\"project-x\", \"decision\"]; "
            + "stored lower-case";

    @Reference
    private MemoryStore store;

    @Tool(description = "Remembers something for later: a fact, decision, preference or finding, with tags to find "
            + "it by. Answers once the entry is durably stored, with its id.",
            tags = {"memory", "storage"}, readOnly = false, destructive = false, idempotent = false, openWorld = false)
    public Stored store(@Param(description = "What to remember, self-contained") String text,
            @Param(description = TAGS, required = false) List<String> tags,
            @Param(description = "A short headline", required = false) String title,
            @Param(description = "Where it came from: a URL, a file, a conversation", required = false) String source,
            @Param(description = "1 (trivia) to 5 (must not be forgotten); default 3", required = false, minimum = 1,
                    maximum = 5) Integer importance) {
        Entry entry = store.store(text, tags, title, source, importance);
        return new Stored(entry.id(), "stored", entry);
    }

    @Tool(description = "Searches the memory: full text over titles and texts, ranked by relevance (BM25), with "
            + "snippets that mark matches in **bold**. Plain words match any of them; use \"a phrase\", +required, "
            + "-excluded, AND/OR, prefix* or title:word for more. Without a query it lists entries, newest first. "
            + "Filter by tags (all must match), source and importance; page with offset and nextOffset.",
            tags = {"memory"}, readOnly = true, idempotent = true, openWorld = false)
    public SearchPage search(@Param(description = "What to look for; empty lists the newest entries",
                    required = false) String query,
            @Param(description = "Only entries with all of these tags", required = false) List<String> tags,
            @Param(description = "Only entries from this source (exact)", required = false) String source,
            @Param(description = "Only entries at least this important", defaultValue = "1", minimum = 1,
                    maximum = 5) int minImportance,
            @Param(description = "Hits to skip (from nextOffset of the previous page)", defaultValue = "0",
                    minimum = 0, maximum = 10_000) int offset,
            @Param(description = "Hits per page", defaultValue = "10", minimum = 1, maximum = 100) int limit) {
        return store.search(new SearchRequest(query, tags, source, minImportance, offset, limit));
    }

    @Tool(description = "Returns one memory entry in full: text, title, tags, source, importance and times.",
            tags = {"memory"}, readOnly = true, idempotent = true, openWorld = false)
    public Entry get(@Param(description = ID) String id) {
        return store.get(id);
    }

    @Tool(description = "Changes a memory entry: only the values given change (tags, if given, replace the old "
            + "ones). Answers once the change is durably stored.",
            tags = {"memory", "storage"}, readOnly = false, destructive = true, idempotent = true, openWorld = false)
    public Stored update(@Param(description = ID) String id,
            @Param(description = "The new text", required = false) String text,
            @Param(description = "The new tags (replace the old ones)", required = false) List<String> tags,
            @Param(description = "The new headline", required = false) String title,
            @Param(description = "The new source", required = false) String source,
            @Param(description = "The new importance, 1 to 5", required = false, minimum = 1, maximum = 5)
            Integer importance) {
        return new Stored(id, "updated", store.update(id, text, tags, title, source, importance));
    }

    @Tool(description = "Forgets a memory entry for good.", tags = {"memory", "storage"}, readOnly = false,
            destructive = true, idempotent = false, openWorld = false)
    public Stored delete(@Param(description = ID) String id) {
        return new Stored(id, "deleted", store.delete(id));
    }

    @Tool(name = "list_tags", description = "Lists the tags in use with how many entries carry each, most used first.",
            tags = {"memory"}, readOnly = true, idempotent = true, openWorld = false)
    public Tags listTags(@Param(description = "Only tags starting with this", required = false) String prefix,
            @Param(description = "Most tags to list", defaultValue = "100", minimum = 1, maximum = 1000) int limit) {
        return store.tags(prefix, limit);
    }

    @Tool(description = "Counts the entries and tags and shows the index's size on disk and limits.",
            tags = {"memory"}, readOnly = true, idempotent = true, openWorld = false)
    public Stats stats() {
        return store.stats();
    }

    @Tool(description = "Rebuilds the search index from the stored entries (after an upgrade, or to compact it). "
            + "Reports progress; a cancelled re-index stops between batches and leaves every entry intact. "
            + "Can run as an MCP task.",
            tags = {"memory", "maintenance"}, readOnly = false, destructive = false, idempotent = true,
            openWorld = false, timeoutSeconds = 3600, taskSupport = TaskSupport.OPTIONAL)
    public Reindexed reindex(ToolContext context) {
        return store.reindex(context);
    }
}
