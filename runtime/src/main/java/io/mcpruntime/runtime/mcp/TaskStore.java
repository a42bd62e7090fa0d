package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The tasks of every session, bound to it: a session sees and touches only its own. Each task lives for its TTL (what
 * the client asked for, at most the server's maximum) and is then gone, cancelled if it still runs; a session holds
 * at most a fixed number of tasks, the oldest ended one making room for a new one, and the server at most that many
 * times {@link #SESSIONS_AT_THE_CAP} (a session id is only the client's word until the SDK checks it, which it does
 * not for what the kernel answers itself), so memory stays bounded.
 */
final class TaskStore {
    static final String NOT_FOUND = "Failed to retrieve task: Task not found or expired";
    private static final int PAGE_SIZE = 50;
    static final int SESSIONS_AT_THE_CAP = 100;
    private static final String EXPIRED = "The task expired";

    private final Clock clock;
    private final Duration maxTtl;
    private final int maxPerSession;
    private final Duration pollInterval;
    private final Consumer<ToolTask> statusChanged;
    private final Map<String, LinkedHashMap<String, ToolTask>> sessions = new HashMap<>(); // guarded by this

    /** A page of {@code tasks/list}: the tasks and the cursor of the next page, or null after the last. */
    record Page(List<ToolTask> tasks, String nextCursor) {
    }

    /** @param statusChanged told of every task's status change (for {@code notifications/tasks/status}) */
    TaskStore(Clock clock, Duration maxTtl, int maxPerSession, Duration pollInterval,
            Consumer<ToolTask> statusChanged) {
        this.clock = clock;
        this.maxTtl = maxTtl;
        this.maxPerSession = maxPerSession;
        this.pollInterval = pollInterval;
        this.statusChanged = statusChanged;
    }

    /**
     * A new working task of the session.
     *
     * @param requestedTtl the client's {@code task.ttl} in milliseconds, or null for the server's maximum
     * @throws McpError when the session holds its maximum of tasks and none of them has ended, or the server its
     *     maximum
     */
    ToolTask create(String session, String tool, Long requestedTtl) {
        Duration ttl = requestedTtl == null || requestedTtl <= 0 || requestedTtl > maxTtl.toMillis() ? maxTtl
                : Duration.ofMillis(requestedTtl);
        ToolTask task = new ToolTask(UUID.randomUUID().toString(), session, tool, clock, ttl, pollInterval,
                statusChanged);
        List<ToolTask> expired = new ArrayList<>();
        String full;
        synchronized (this) {
            List.copyOf(sessions.keySet()).forEach(each -> expired.addAll(purge(each)));
            LinkedHashMap<String, ToolTask> tasks = sessions.computeIfAbsent(session, s -> new LinkedHashMap<>());
            full = noRoom(tasks);
            if (full == null) {
                tasks.put(task.id(), task);
            } else if (tasks.isEmpty()) {
                sessions.remove(session);
            }
        }
        cancelAll(expired, EXPIRED);
        if (full != null) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST).message(full).build();
        }
        return task;
    }

    /** The session's task, or a -32602 error when it has none of that id (any more). */
    ToolTask find(String session, String taskId) {
        List<ToolTask> expired;
        ToolTask task;
        synchronized (this) {
            expired = purge(session);
            Map<String, ToolTask> tasks = sessions.get(session);
            task = tasks == null ? null : tasks.get(taskId);
        }
        cancelAll(expired, EXPIRED);
        if (task == null) {
            throw invalidParams(NOT_FOUND);
        }
        return task;
    }

    /** A page of the session's tasks, oldest first; the cursor is the id of the page's first task. */
    Page list(String session, String cursor) {
        List<ToolTask> expired;
        List<ToolTask> all;
        synchronized (this) {
            expired = purge(session);
            all = List.copyOf(sessions.getOrDefault(session, new LinkedHashMap<>()).values());
        }
        cancelAll(expired, EXPIRED);
        int from = 0;
        if (cursor != null) {
            from = all.stream().map(ToolTask::id).toList().indexOf(cursor);
            if (from < 0) {
                throw invalidParams("Invalid cursor: it names no task of this session (any more)");
            }
        }
        int to = Math.min(all.size(), from + PAGE_SIZE);
        return new Page(all.subList(from, to), to < all.size() ? all.get(to).id() : null);
    }

    /** The session ended: its tasks are cancelled and forgotten. */
    void closeSession(String session, String reason) {
        LinkedHashMap<String, ToolTask> tasks;
        synchronized (this) {
            tasks = sessions.remove(session);
        }
        if (tasks != null) {
            cancelAll(tasks.values(), reason);
        }
    }

    /** Cancels the running tasks that match, keeping them (cancelled) for their TTL. */
    void cancelWhere(Predicate<ToolTask> which, String reason) {
        List<ToolTask> matching = new ArrayList<>();
        synchronized (this) {
            sessions.values().forEach(tasks -> tasks.values().stream().filter(which).forEach(matching::add));
        }
        cancelAll(matching, reason);
    }

    /** Removes the session's expired tasks; returns them, to be cancelled outside the lock. */
    private List<ToolTask> purge(String session) {
        Map<String, ToolTask> tasks = sessions.get(session);
        if (tasks == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<ToolTask> expired = new ArrayList<>();
        for (Iterator<ToolTask> it = tasks.values().iterator(); it.hasNext();) {
            ToolTask task = it.next();
            if (task.expired(now)) {
                it.remove();
                expired.add(task);
            }
        }
        if (tasks.isEmpty()) {
            sessions.remove(session);
        }
        return expired;
    }

    /** Why there is no room for another task of the session, or null after making room if need be. */
    private String noRoom(Map<String, ToolTask> tasks) {
        if (tasks.size() >= maxPerSession && !evictOldestEnded(tasks)) {
            return "This session already has " + maxPerSession + " unfinished tasks: wait for or cancel some";
        }
        return total() >= maxPerSession * SESSIONS_AT_THE_CAP
                ? "The server holds as many tasks as it keeps: try again when some have ended and expired" : null;
    }

    private int total() {
        return sessions.values().stream().mapToInt(Map::size).sum();
    }

    private static boolean evictOldestEnded(Map<String, ToolTask> tasks) {
        for (Iterator<ToolTask> it = tasks.values().iterator(); it.hasNext();) {
            if (it.next().status().terminal()) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private static void cancelAll(Iterable<ToolTask> tasks, String reason) {
        tasks.forEach(task -> task.cancel(reason));
    }

    static McpError invalidParams(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
    }
}
