package io.mcpruntime.runtime.mcp;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The MCP sessions open now, on every transport with sessions (stdio, Streamable HTTP, legacy SSE), as the session
 * trackers of this package see them open, initialize, act and close. Read by the operator console; SDK-free.
 */
public final class OpenSessions {
    /** Who is at the other end, from its {@code initialize}; the protocol version is the one the server answered. */
    record Client(String name, String version, String protocolVersion) {
    }

    /**
     * A session as the console lists it: the client's name and version and the protocol version are null until its
     * {@code initialize} was answered.
     *
     * @param runningCalls the session's tool calls not yet answered
     */
    public record Session(String id, String transport, String clientName, String clientVersion,
            String protocolVersion, Instant opened, Instant lastActive, long runningCalls) {
    }

    private static final class Entry {
        final String transport;
        final Instant opened;
        volatile Client client;
        volatile Instant lastActive;

        Entry(String transport, Instant opened) {
            this.transport = transport;
            this.opened = opened;
            this.lastActive = opened;
        }
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final Supplier<Map<String, Long>> runningBySession;
    private final Clock clock;

    /** @param runningBySession the number of tool calls running now, by session id */
    public OpenSessions(Supplier<Map<String, Long>> runningBySession) {
        this(runningBySession, Clock.systemUTC());
    }

    OpenSessions(Supplier<Map<String, Long>> runningBySession, Clock clock) {
        this.runningBySession = runningBySession;
        this.clock = clock;
    }

    void opened(String id, String transport) {
        sessions.put(id, new Entry(transport, clock.instant()));
        changes.incrementAndGet();
    }

    void initialized(String id, Client client) {
        Entry entry = sessions.get(id);
        if (entry != null) {
            entry.client = client;
            entry.lastActive = clock.instant();
            changes.incrementAndGet();
        }
    }

    /** The client sent something on the session. */
    void active(String id) {
        Entry entry = sessions.get(id);
        if (entry != null) {
            entry.lastActive = clock.instant();
        }
    }

    void closed(String id) {
        if (sessions.remove(id) != null) {
            changes.incrementAndGet();
        }
    }

    /** Changes whenever a session opens, initializes or closes (not when one is merely active). */
    public long changes() {
        return changes.get();
    }

    /** The open sessions, newest first. */
    public List<Session> snapshot() {
        Map<String, Long> running = runningBySession.get();
        return sessions.entrySet().stream().map(e -> {
            Entry entry = e.getValue();
            Client client = entry.client;
            return new Session(e.getKey(), entry.transport, client == null ? null : client.name(),
                    client == null ? null : client.version(), client == null ? null : client.protocolVersion(),
                    entry.opened, entry.lastActive, running.getOrDefault(e.getKey(), 0L));
        }).sorted(Comparator.comparing(Session::opened).reversed()).toList();
    }
}
