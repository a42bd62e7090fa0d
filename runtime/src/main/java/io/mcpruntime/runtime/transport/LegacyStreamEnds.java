package io.mcpruntime.runtime.transport;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a legacy SSE session's followers when its event stream ({@code GET /sse}) ends: the client went away, or the
 * server ended it. The SDK's legacy transport notices a client gone only when a write fails, and then forgets the
 * session without closing it, so the stream's end is the one sure sign. The SDK makes the session on the thread
 * that serves the GET, inside this filter: what {@link #onEndOfStreamOpeningHere} registers there is that stream's.
 */
public final class LegacyStreamEnds extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<List<Runnable>> OPENING = new ThreadLocal<>();

    /** Runs {@code onEnd} once the legacy SSE stream being opened on this thread ends; does nothing elsewhere. */
    public static void onEndOfStreamOpeningHere(Runnable onEnd) {
        List<Runnable> ends = OPENING.get();
        if (ends != null) {
            ends.add(onEnd);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        List<Runnable> ends = new ArrayList<>();
        OPENING.set(ends);
        try {
            chain.doFilter(request, response);
        } finally {
            OPENING.remove();
        }
        if (ends.isEmpty()) {
            return;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new Ended(ends));
        } else {
            ends.forEach(Runnable::run);
        }
    }

    private record Ended(List<Runnable> ends) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            ends.forEach(Runnable::run);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            ends.forEach(Runnable::run);
        }

        @Override
        public void onError(AsyncEvent event) {
            ends.forEach(Runnable::run);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
