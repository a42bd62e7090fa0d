package io.mcpruntime.memory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * The one thread that changes the index. It takes every write queued meanwhile, applies them, commits once and
 * refreshes the searchers, then answers their callers (group commit: many concurrent writers, one fsync).
 * A caller waits uninterruptibly: a cancelled call's write is short and, once queued, happens anyway.
 */
final class IndexWriterThread implements AutoCloseable {
    private static final int MAX_BATCH = 256;

    /** A change to make with the writer. */
    interface Change {
        void apply(IndexWriter writer) throws IOException;
    }

    private record Pending(Change change, CompletableFuture<Void> done) {
    }

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    IndexWriterThread(IndexWriter writer, SearcherManager searchers) {
        this.writer = writer;
        this.searchers = searchers;
        this.thread = new Thread(this::run, "memory-index-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Applies the change and returns once it is committed and searchable. */
    void apply(Change change) throws IOException {
        Pending pending = new Pending(change, new CompletableFuture<>());
        synchronized (this) {
            if (closing) {
                throw new AlreadyClosedException("the memory index is closing");
            }
            queue.add(pending);
        }
        awaitUninterruptibly(pending.done());
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeAndCommit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeAndCommit(List<Pending> batch) {
        List<Pending> applied = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            try {
                pending.change().apply(writer);
                applied.add(pending);
            } catch (IOException | RuntimeException e) {
                pending.done().completeExceptionally(e);
            }
        }
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
            applied.forEach(p -> p.done().complete(null));
        } catch (IOException | RuntimeException e) {
            applied.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private static void awaitUninterruptibly(CompletableFuture<Void> done) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IOException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lets the queued writes finish, then ends the thread. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
