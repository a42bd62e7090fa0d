package io.mcpruntime.memory;

import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolException;
import io.mcpruntime.memory.Results.Reindexed;
import io.mcpruntime.memory.Results.SearchPage;
import io.mcpruntime.memory.Results.Stats;
import io.mcpruntime.memory.Results.TagCount;
import io.mcpruntime.memory.Results.Tags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.Version;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory entries: one Lucene index in the data folder ({@code dataDir} in {@code io.mcpruntime.memory.cfg},
 * by default {@code <runtime home>/data/memory}). Opened on a thread of its own, when a call first needs it or
 * {@link #OPEN_AFTER} after activation, whichever comes first: neither the kernel's start nor the other plugins wait
 * for Lucene (a tenth of a second of CPU, more on a big index), nor share the start's CPU with it. A call that needs
 * the index meanwhile waits for it, and one that finds it unopenable (its folder locked by another process, say)
 * gets a clear error, as does the health check. Closed (committed, write lock released) on deactivation, so a
 * replaced plugin's new version opens the same folder.
 *
 * <p>Writes of one entry are serialized per id (update and delete read, then write); a re-index takes the whole
 * store for one batch at a time, so it never writes back an entry that changed meanwhile.
 */
@Component(service = MemoryStore.class, configurationPid = MemoryStore.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class MemoryStore {
    static final String PID = "io.mcpruntime.memory";
    private static final Logger LOG = LoggerFactory.getLogger(MemoryStore.class);
    private static final int REINDEX_BATCH = 500;
    private static final int ID_STRIPES = 64;
    private static final Sort NEWEST_FIRST = new Sort(new SortField(EntryDocuments.UPDATED, SortField.Type.LONG, true));

    @interface Config {
        /**
         * The index folder; empty means {@code data/memory} under the runtime's home ({@code mcp.home}), or
         * {@code data/<node id>/memory} for a kernel in a cluster ({@code mcp.node.id}): a Lucene index has one writer.
         */
        String dataDir() default "";

        /** The most characters an entry's text may have. */
        int maxEntryChars() default 100_000;

        /** The most tags an entry may have. */
        int maxTags() default 32;
    }

    private final Path folder;
    private final Entries entries;
    /** After the kernel's start, whose two busy cores an index opening at once took about 40 ms from. */
    static final Duration OPEN_AFTER = Duration.ofSeconds(2);

    private final CompletableFuture<MemoryIndex> index = new CompletableFuture<>();
    private final AtomicBoolean opening = new AtomicBoolean();
    private final ReadWriteLock rebuild = new ReentrantReadWriteLock();
    private final Object[] idLocks = new Object[ID_STRIPES];

    @Activate
    public MemoryStore(Config config, BundleContext context) {
        this(dataFolder(config.dataDir(), context.getProperty("mcp.home"), context.getProperty("mcp.node.id")),
                new Entries(config.maxEntryChars(), config.maxTags()));
    }

    MemoryStore(Path folder, Entries entries) {
        this.folder = folder;
        this.entries = entries;
        for (int i = 0; i < ID_STRIPES; i++) {
            idLocks[i] = new Object();
        }
        CompletableFuture.delayedExecutor(OPEN_AFTER.toMillis(), TimeUnit.MILLISECONDS).execute(this::startOpening);
    }

    /**
     * Opens the index on a thread of its own, once: never on a tool call's thread, which is interrupted when the call
     * is cancelled (an interrupt inside Lucene's file I/O closes its channels).
     */
    private void startOpening() {
        if (opening.compareAndSet(false, true)) {
            Thread opener = new Thread(() -> {
                try {
                    index.complete(open());
                } catch (RuntimeException e) {
                    index.completeExceptionally(e);
                }
            }, "memory-index-open");
            // the bundle's loader, whatever thread asked first: Lucene finds its codecs (SPI) inside the bundle
            opener.setContextClassLoader(MemoryStore.class.getClassLoader());
            opener.setDaemon(true);
            opener.start();
        }
    }

    private MemoryIndex open() {
        try {
            Files.createDirectories(folder);
            MemoryIndex opened = new MemoryIndex(folder);
            try {
                LOG.info("Memory index opened in {} ({} entries)", folder,
                        opened.read(searcher -> searcher.getIndexReader().numDocs()));
            } catch (IOException e) {
                opened.close();
                throw e;
            }
            return opened;
        } catch (IOException | RuntimeException e) {
            LOG.error("The memory index in {} could not be opened", folder, e);
            throw new CompletionException(e);
        }
    }

    /** The open index, once it is: a call that comes first has it opened and waits for it. */
    private MemoryIndex index() {
        startOpening();
        try {
            return index.join();
        } catch (CancellationException e) {
            throw closing();
        } catch (CompletionException e) {
            throw new ToolException("The memory index could not be opened; see the server log");
        }
    }

    static Path dataFolder(String configured, String home, String node) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip()).toAbsolutePath();
        }
        Path data = Path.of(home == null ? "." : home, "data");
        return (node == null ? data : data.resolve(node)).resolve("memory").toAbsolutePath();
    }

    @Deactivate
    void deactivate() throws IOException {
        if (opening.compareAndSet(false, true)) {
            index.cancel(false); // never opened, and now never will be
            return;
        }
        MemoryIndex opened;
        try {
            opened = index.join();
        } catch (CompletionException e) {
            return; // could not be opened, nothing to close
        }
        opened.close();
        LOG.info("Memory index in {} closed", folder);
    }

    Path folder() {
        return folder;
    }

    Entry store(String text, List<String> tags, String title, String source, Integer importance) {
        String now = now();
        Entry entry = new Entry(UUID.randomUUID().toString(), Entries.optional("title", title, Entries.MAX_TITLE_CHARS),
                entries.text(text), entries.tags(tags), Entries.optional("source", source, Entries.MAX_SOURCE_CHARS),
                Entries.importance(importance), now, now);
        write(() -> index().put(entry.id(), EntryDocuments.toDocument(entry)));
        return entry;
    }

    Entry get(String id) {
        return find(id).orElseThrow(() -> unknown(id));
    }

    Entry update(String id, String text, List<String> tags, String title, String source, Integer importance) {
        synchronized (idLock(id)) {
            Entry old = get(id);
            Entry entry = new Entry(old.id(),
                    title == null ? old.title() : Entries.optional("title", title, Entries.MAX_TITLE_CHARS),
                    text == null ? old.text() : entries.text(text),
                    tags == null ? old.tags() : entries.tags(tags),
                    source == null ? old.source() : Entries.optional("source", source, Entries.MAX_SOURCE_CHARS),
                    importance == null ? old.importance() : Entries.importance(importance),
                    old.created(), now());
            write(() -> index().put(id, EntryDocuments.toDocument(entry)));
            return entry;
        }
    }

    Entry delete(String id) {
        synchronized (idLock(id)) {
            Entry old = get(id);
            write(() -> index().delete(id));
            return old;
        }
    }

    SearchPage search(SearchRequest request) {
        SearchRequest checked = new SearchRequest(request.query(), entries.tags(request.tags()), request.source(),
                request.minImportance(), request.offset(), request.limit());
        EntrySearch search = new EntrySearch(index().analyzer());
        return read(searcher -> search.run(searcher, checked));
    }

    List<Entry> recent(int limit) {
        return read(searcher -> {
            TopDocs top = searcher.search(new MatchAllDocsQuery(), limit, NEWEST_FIRST);
            List<Entry> recent = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                recent.add(EntryDocuments.fromDocument(searcher.storedFields().document(hit.doc)));
            }
            return recent;
        });
    }

    Tags tags(String prefix, int limit) {
        String start = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        return read(searcher -> {
            List<TagCount> counts = new ArrayList<>();
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), EntryDocuments.TAG);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    String tag = term.utf8ToString();
                    int count = tag.startsWith(start) ? searcher.count(new TermQuery(
                            new Term(EntryDocuments.TAG, tag))) : 0;
                    if (count > 0) {
                        counts.add(new TagCount(tag, count));
                    }
                }
            }
            counts.sort(Comparator.comparingInt(TagCount::entries).reversed().thenComparing(TagCount::tag));
            return new Tags(List.copyOf(counts.subList(0, Math.min(limit, counts.size()))), counts.size());
        });
    }

    Stats stats() {
        return read(searcher -> {
            int distinctTags = 0;
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), EntryDocuments.TAG);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                while (each.next() != null) {
                    distinctTags++;
                }
            }
            return new Stats(searcher.getIndexReader().numDocs(), distinctTags,
                    searcher.getIndexReader().leaves().size(), folderBytes(), entries.maxTextChars(),
                    Version.LATEST.toString());
        });
    }

    /**
     * Rewrites every entry from its stored fields (re-analyzed, old segments merged away), a batch at a time, with
     * progress after each batch; stops between batches when the call is cancelled.
     */
    Reindexed reindex(ToolContext context) {
        List<String> ids = read(MemoryStore::allIds);
        int done = 0;
        for (int from = 0; from < ids.size(); from += REINDEX_BATCH) {
            if (context.isCancelled()) {
                return new Reindexed(done, ids.size(), false);
            }
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + REINDEX_BATCH));
            Lock exclusive = rebuild.writeLock();
            exclusive.lock();
            try {
                List<Document> docs = new ArrayList<>(batch.size());
                for (String id : batch) {
                    find(id).ifPresent(entry -> docs.add(EntryDocuments.toDocument(entry)));
                }
                guarded(() -> index().putAll(docs));
            } finally {
                exclusive.unlock();
            }
            done += batch.size();
            context.progress(done, (double) ids.size(), "re-indexed " + done + " of " + ids.size() + " entries");
        }
        return new Reindexed(done, ids.size(), true);
    }

    private Optional<Entry> find(String id) {
        if (id == null || id.isBlank()) {
            throw new ToolException("id is empty: give the id that memory_store or memory_search returned");
        }
        return read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(EntryDocuments.idTerm(id.strip())), 1);
            return top.scoreDocs.length == 0 ? Optional.empty()
                    : Optional.of(EntryDocuments.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    private static List<String> allIds(IndexSearcher searcher) throws IOException {
        List<String> ids = new ArrayList<>(searcher.getIndexReader().numDocs());
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            var stored = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    ids.add(stored.document(doc, Set.of(EntryDocuments.ID)).get(EntryDocuments.ID));
                }
            }
        }
        return ids;
    }

    private long folderBytes() {
        try (var files = Files.list(folder)) {
            return files.mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object idLock(String id) {
        return idLocks[Math.floorMod(id == null ? 0 : id.strip().hashCode(), ID_STRIPES)];
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static ToolException unknown(String id) {
        return new ToolException("No memory entry with id '" + id + "'; memory_search finds entries and their ids");
    }

    private interface IndexWork {
        void run() throws IOException;
    }

    /** A write under the shared side of the re-index lock. */
    private void write(IndexWork work) {
        Lock shared = rebuild.readLock();
        shared.lock();
        try {
            guarded(work);
        } finally {
            shared.unlock();
        }
    }

    private <T> T read(MemoryIndex.Read<T> read) {
        try {
            return index().read(read);
        } catch (AlreadyClosedException e) {
            throw closing();
        } catch (IOException e) {
            LOG.error("Reading the memory index in {} failed", folder, e);
            throw new ToolException("The memory index could not be read; see the server log");
        }
    }

    private void guarded(IndexWork work) {
        try {
            work.run();
        } catch (AlreadyClosedException e) {
            throw closing();
        } catch (IOException e) {
            LOG.error("Writing the memory index in {} failed", folder, e);
            throw new ToolException("The memory index could not be written, so the change is not "
                    + "acknowledged; see the server log");
        }
    }

    private static ToolException closing() {
        return new ToolException("The memory store is closing (the plugin is being replaced or stopped); call again");
    }
}
