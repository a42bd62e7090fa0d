package io.mcpruntime.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's peer for the memory plugin: the plugin's own store (the same Lucene index settings, analyzer,
 * query parsing, ranking and highlighting, the same group commit) called in the benchmark's JVM, without MCP,
 * JSON-RPC or HTTP. In the plugin's package because the plugin exports nothing: its store is package-private.
 */
public final class InProcessMemory implements AutoCloseable {
    private static final int SEARCH_LIMIT = 10;

    private final MemoryStore store;

    /** Opens (or creates) the index in the folder, with the plugin's default limits. */
    public InProcessMemory(Path folder) throws IOException {
        store = new MemoryStore(folder, new Entries(100_000, 32));
    }

    /** As memory_store: returns once the entry is committed. */
    public void store(String text, List<String> tags) {
        store.store(text, tags, null, null, null);
    }

    /** As memory_search with a query and tags, its default page (10 hits with snippets); the total it reports. */
    public long search(String query, List<String> tags) {
        return store.search(new SearchRequest(query, tags, null, 1, 0, SEARCH_LIMIT)).total();
    }

    @Override
    public void close() throws IOException {
        store.deactivate();
    }
}
