package io.mcpruntime.memory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index in the data folder: one writer (which holds the folder's {@code write.lock} until {@link #close})
 * and searchers that see every acknowledged write.
 *
 * <p>A write returns only once it is committed, so it survives kill -9 and a replaced plugin. Writes run on the
 * {@link IndexWriterThread}, never on the caller's: a tool call's thread is interrupted when the call is cancelled,
 * and an interrupt inside Lucene's file I/O closes channels under the writer. Reads are interrupt-safe (memory-mapped
 * files). Thread-safe.
 */
final class MemoryIndex implements Closeable {
    private final Analyzer analyzer = new StandardAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexWriterThread writes;

    /** What a read does with a searcher. */
    interface Read<T> {
        T with(IndexSearcher searcher) throws IOException;
    }

    MemoryIndex(Path folder) throws IOException {
        directory = FSDirectory.open(folder);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(true);
            writer = new IndexWriter(directory, config);
            // A new index gets its first commit at once, so the folder is never left without one.
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        writes = new IndexWriterThread(writer, searchers);
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** Adds or replaces the document with this id; returns when it is committed and searchable. */
    void put(String id, Document doc) throws IOException {
        writes.apply(w -> w.updateDocument(EntryDocuments.idTerm(id), doc));
    }

    /** Deletes the document with this id; returns when that is committed and searchable. */
    void delete(String id) throws IOException {
        writes.apply(w -> w.deleteDocuments(EntryDocuments.idTerm(id)));
    }

    /** Replaces these documents (each by its id) in one commit. */
    void putAll(List<Document> docs) throws IOException {
        writes.apply(w -> {
            for (Document doc : docs) {
                w.updateDocument(EntryDocuments.idTerm(doc.get(EntryDocuments.ID)), doc);
            }
        });
    }

    <T> T read(Read<T> read) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return read.with(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Finishes the queued writes, commits, closes the writer and releases the folder's write lock. */
    @Override
    public void close() throws IOException {
        writes.close();
        try (directory; writer; searchers) {
            analyzer.close();
        }
    }
}
