package io.mcpruntime.runtime.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Under OAuth, a legacy SSE session belongs to the subject whose token opened its event stream, as a Streamable HTTP
 * session does ({@link SessionOwners}): a {@code POST /message} of another subject naming it is answered 404, as for
 * an unknown session. The session id is the one the stream's first event, {@code endpoint}, gives the client (the
 * 2024-11-05 transport's own wire format; the SDK keeps it to itself); the owner is forgotten when the stream ends.
 * Sits inside {@link LegacyStreamEnds} and behind the auth check.
 */
final class LegacySessionOwners extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** The SDK's query parameter on the message endpoint, as the endpoint event names it. */
    private static final String SESSION_PARAMETER = "sessionId";

    private final transient Map<String, String> owners = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String subject = Objects.toString(HttpAuth.caller(request).subject(), "");
        if ("GET".equals(request.getMethod())) {
            chain.doFilter(request, new EndpointEventReader(response, session -> {
                owners.put(session, subject);
                LegacyStreamEnds.onEndOfStreamOpeningHere(() -> owners.remove(session));
            }));
            return;
        }
        String session = request.getParameter(SESSION_PARAMETER);
        if (session != null && !subject.equals(owners.get(session))) {
            JsonRpcErrors.write(response, HttpServletResponse.SC_NOT_FOUND, JsonRpcErrors.SESSION_NOT_FOUND,
                    "Session not found");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The event stream's response, whose writer reads the session id from the endpoint event as it is written. */
    private static final class EndpointEventReader extends HttpServletResponseWrapper {
        private final Consumer<String> onSession;
        private PrintWriter writer;

        EndpointEventReader(HttpServletResponse response, Consumer<String> onSession) {
            super(response);
            this.onSession = onSession;
        }

        @Override
        public synchronized PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new SessionIdReader(super.getWriter(), onSession);
            }
            return writer;
        }
    }

    /**
     * Passes everything on to the response's writer, looking in the first event for the session id; its errors are
     * the response writer's (the SDK's test for a client gone).
     */
    private static final class SessionIdReader extends PrintWriter {
        private static final Pattern SESSION_ID = Pattern.compile(SESSION_PARAMETER + "=([^&\\s]+)\\s");
        /** The endpoint event comes first and is short; a stream that has not named a session by then never will. */
        private static final int FIRST_EVENT_CHARS = 1024;

        private final PrintWriter response;
        private final Consumer<String> onSession;
        /** Until the id is found (or given up on); then every write passes straight through, without the lock. */
        private volatile boolean reading = true;
        private StringBuilder firstEvent = new StringBuilder();

        SessionIdReader(PrintWriter response, Consumer<String> onSession) {
            super(response);
            this.response = response;
            this.onSession = onSession;
        }

        @Override
        public void write(String text, int offset, int length) {
            if (reading) {
                read(text, offset, length);
            }
            super.write(text, offset, length);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            if (reading) {
                read(new String(chars, offset, length), 0, length);
            }
            super.write(chars, offset, length);
        }

        @Override
        public void write(int c) {
            if (reading) {
                read(String.valueOf((char) c), 0, 1);
            }
            super.write(c);
        }

        @Override
        public boolean checkError() {
            return response.checkError();
        }

        private synchronized void read(String text, int offset, int length) {
            if (firstEvent == null) {
                return;
            }
            firstEvent.append(text, offset, offset + length);
            Matcher session = SESSION_ID.matcher(firstEvent);
            if (session.find()) {
                firstEvent = null;
                reading = false;
                onSession.accept(session.group(1));
            } else if (firstEvent.length() > FIRST_EVENT_CHARS) {
                firstEvent = null;
                reading = false;
            }
        }
    }
}
