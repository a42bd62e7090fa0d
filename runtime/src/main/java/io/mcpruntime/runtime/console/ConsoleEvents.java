package io.mcpruntime.runtime.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The page's live feed (server-sent events at {@code /console/api/events}): {@code change} when a plugin file, what
 * is served or the open sessions changed (the page then fetches the state again), and {@code activity} every few
 * seconds with the running calls, the sessions (their last activity and running calls) and the call history. The
 * kernel's state is looked at only while a page listens. A page that stops reading (a laptop asleep) never holds up
 * the others, the timer or the call history.
 */
final class ConsoleEvents implements AutoCloseable {
    private final Supplier<Object> changes;
    private final Supplier<Object> activity;
    private final ObjectMapper mapper;
    private final Map<AsyncContext, Page> pages = new ConcurrentHashMap<>();
    /** Writes to the pages, so that a page that stopped reading holds up a thread of its own, never the timer. */
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "mcp-console-events");
        thread.setDaemon(true);
        return thread;
    });
    private Object last; // under this

    ConsoleEvents(Supplier<Object> changes, Supplier<Object> activity, ObjectMapper mapper) {
        this.changes = changes;
        this.activity = activity;
        this.mapper = mapper;
    }

    void listen(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        AsyncContext stream = request.startAsync();
        stream.setTimeout(0);
        stream.addListener(new Forget());
        Page page = new Page(stream);
        synchronized (this) {
            // the first page's baseline is taken before the page can read the state (it does once its stream
            // opens), so that a change in between is told too
            if (pages.isEmpty()) {
                last = changes.get();
            }
            pages.put(stream, page);
        }
        page.offer("retry", "retry: 2000\n\n");
    }

    /** Tells the pages whether anything changed since the last look. */
    synchronized void checkForChanges() {
        if (pages.isEmpty()) {
            last = null;
            return;
        }
        Object now = changes.get();
        if (!Objects.equals(now, last)) {
            last = now;
            broadcast("change", Map.of());
        }
    }

    void sendActivity() {
        if (!pages.isEmpty()) {
            broadcast("activity", activity.get());
        }
    }

    private void broadcast(String event, Object data) {
        String message;
        try {
            message = "event: " + event + "\ndata: " + mapper.writeValueAsString(data) + "\n\n";
        } catch (IOException e) {
            throw new IllegalStateException("Console event not serializable", e);
        }
        pages.values().forEach(page -> page.offer(event, message));
    }

    @Override
    public void close() {
        pages.keySet().forEach(AsyncContext::complete);
        pages.clear();
        writers.shutdownNow();
    }

    /**
     * One page's stream, written one event at a time off the timer thread. Events a page has not taken yet are
     * replaced by newer ones of their kind: a slow page gets the latest change and activity, not a backlog.
     */
    private final class Page {
        private final AsyncContext stream;
        private final Map<String, String> pending = new LinkedHashMap<>(); // event -> message, under this
        private boolean writing; // under this

        Page(AsyncContext stream) {
            this.stream = stream;
        }

        void offer(String event, String message) {
            synchronized (this) {
                pending.put(event, message);
                if (writing) {
                    return;
                }
                writing = true;
            }
            writers.execute(this::drain);
        }

        private void drain() {
            while (true) {
                String message;
                synchronized (this) {
                    Iterator<String> next = pending.values().iterator();
                    if (!next.hasNext()) {
                        writing = false;
                        return;
                    }
                    message = next.next();
                    next.remove();
                }
                if (!write(message)) {
                    return;
                }
            }
        }

        /** False, and the page forgotten, once it went away. */
        private boolean write(String message) {
            try {
                var out = stream.getResponse().getOutputStream();
                out.write(message.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException | IllegalStateException e) { // the page went away
                pages.remove(stream);
                stream.complete();
                return false;
            }
        }
    }

    /** A stream that ends (page closed, server stopping) is no longer written to. */
    private final class Forget implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            pages.remove(event.getAsyncContext());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            pages.remove(event.getAsyncContext());
        }

        @Override
        public void onError(AsyncEvent event) {
            pages.remove(event.getAsyncContext());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
