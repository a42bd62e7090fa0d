package io.mcpruntime.runtime.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The page's live feed (server-sent events at {@code /console/api/events}): {@code change} when a plugin file, what
 * is served or the open sessions changed (the page then fetches the state again), and {@code activity} every few
 * seconds with the running calls, the sessions (their last activity and running calls) and the call history. The
 * kernel's state is looked at only while a page listens.
 */
final class ConsoleEvents implements AutoCloseable {
    private final Supplier<Object> changes;
    private final Supplier<Object> activity;
    private final ObjectMapper mapper;
    private final Set<AsyncContext> listeners = ConcurrentHashMap.newKeySet();
    private Object last; // only the timer thread touches it

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
        send(stream, "retry: 2000\n\n");
        if (stream.getResponse().isCommitted()) {
            listeners.add(stream);
        }
    }

    /** Tells the pages whether anything changed since the last look. */
    void checkForChanges() {
        if (listeners.isEmpty()) {
            last = null;
            return;
        }
        Object now = changes.get();
        if (!Objects.equals(now, last)) {
            boolean first = last == null;
            last = now;
            if (!first) {
                broadcast("change", Map.of());
            }
        }
    }

    void sendActivity() {
        if (!listeners.isEmpty()) {
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
        listeners.forEach(stream -> send(stream, message));
    }

    private void send(AsyncContext stream, String message) {
        try {
            synchronized (stream) {
                var out = stream.getResponse().getOutputStream();
                out.write(message.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | IllegalStateException e) { // the page went away
            listeners.remove(stream);
            stream.complete();
        }
    }

    @Override
    public void close() {
        listeners.forEach(AsyncContext::complete);
        listeners.clear();
    }

    /** A stream that ends (page closed, server stopping) is no longer written to. */
    private final class Forget implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            listeners.remove(event.getAsyncContext());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            listeners.remove(event.getAsyncContext());
        }

        @Override
        public void onError(AsyncEvent event) {
            listeners.remove(event.getAsyncContext());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
