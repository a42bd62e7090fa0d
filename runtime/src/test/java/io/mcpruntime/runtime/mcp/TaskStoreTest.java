package io.mcpruntime.runtime.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpruntime.api.ToolResult;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskStoreTest {
    private static final Duration MAX_TTL = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock(Instant.parse("2025-11-25T10:30:00Z"));
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final TaskStore store = store(3);

    private TaskStore store(int maxPerSession) {
        return new TaskStore(clock, MAX_TTL, maxPerSession, Duration.ofSeconds(1),
                task -> changes.add(task.id() + " " + task.status().wireName()));
    }

    @Test
    void aNewTaskIsWorkingWithTheRequestedTtlCappedByTheMaximum() {
        ToolTask task = store.create("s1", "example_countdown", 60_000L);
        Map<String, Object> view = task.view();
        assertEquals("working", view.get("status"));
        assertEquals(60_000L, view.get("ttl"));
        assertEquals(1_000L, view.get("pollInterval"));
        assertEquals(clock.instant().toString(), view.get("createdAt"));
        assertEquals(view.get("createdAt"), view.get("lastUpdatedAt"));
        assertEquals(MAX_TTL.toMillis(), store.create("s1", "t", 999_999_999L).view().get("ttl"));
        assertEquals(MAX_TTL.toMillis(), store.create("s1", "t", null).view().get("ttl"));
    }

    @Test
    void progressIsTheStatusMessageAndTheFirstEndWins() throws Exception {
        ToolTask task = store.create("s1", "t", null);
        clock.advance(Duration.ofSeconds(2));
        task.progress("2 s left");
        assertEquals("2 s left", task.view().get("statusMessage"));
        assertEquals(clock.instant().toString(), task.view().get("lastUpdatedAt"));
        assertTrue(changes.isEmpty(), "progress is no status change");

        task.finish(SdkContent.toResult(ToolResult.text("done")));
        assertFalse(task.cancel("too late"), "a completed task cannot be cancelled");
        task.finish(SdkContent.toResult(ToolResult.error("again")));

        assertEquals("completed", task.view().get("status"));
        assertFalse(task.view().containsKey("statusMessage"));
        McpSchema.CallToolResult result = task.result().get();
        assertEquals("done", ((McpSchema.TextContent) result.content().get(0)).text());
        assertEquals(Map.of("taskId", task.id()), result.meta().get(ToolTask.RELATED_TASK));
        assertEquals(List.of(task.id() + " completed"), changes);
    }

    @Test
    void anErrorResultFailsTheTask() {
        ToolTask task = store.create("s1", "t", null);
        task.finish(SdkContent.toResult(ToolResult.error("no such file")));
        assertEquals("failed", task.view().get("status"));
    }

    @Test
    void cancellingStopsTheCallAndKeepsTheTaskCancelled() throws Exception {
        ToolTask task = store.create("s1", "t", null);
        AtomicInteger stops = new AtomicInteger();
        task.stopWith(stops::incrementAndGet);

        assertTrue(task.cancel("The task was cancelled by request"));
        task.finish(SdkContent.toResult(ToolResult.text("finished anyway")));

        assertEquals(1, stops.get());
        assertEquals("cancelled", task.view().get("status"));
        assertEquals("The task was cancelled by request", task.view().get("statusMessage"));
        assertTrue(task.result().get().isError());
        assertFalse(task.cancel("twice"));
    }

    @Test
    void aCallThatStartsAfterItsTaskWasCancelledIsStoppedAtOnce() {
        ToolTask task = store.create("s1", "t", null);
        task.cancel("gone");
        AtomicInteger stops = new AtomicInteger();
        task.stopWith(stops::incrementAndGet);
        assertEquals(1, stops.get());
    }

    @Test
    void anotherSessionCannotSeeOrTouchTheTask() {
        ToolTask task = store.create("s1", "t", null);
        McpError error = assertThrows(McpError.class, () -> store.find("s2", task.id()));
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, error.getJsonRpcError().code());
        assertEquals(TaskStore.NOT_FOUND, error.getJsonRpcError().message());
        assertTrue(store.list("s2", null).tasks().isEmpty());
        assertEquals(task, store.find("s1", task.id()));
    }

    @Test
    void anExpiredTaskIsGoneAndCancelledIfItStillRan() {
        ToolTask running = store.create("s1", "t", 5_000L);
        ToolTask kept = store.create("s1", "t", 60_000L);
        AtomicInteger stops = new AtomicInteger();
        running.stopWith(stops::incrementAndGet);

        clock.advance(Duration.ofSeconds(5));

        assertThrows(McpError.class, () -> store.find("s1", running.id()));
        assertEquals(List.of(kept), store.list("s1", null).tasks());
        assertEquals(1, stops.get());
        assertEquals(TaskStatus.CANCELLED, running.status());
    }

    @Test
    void aFullSessionMakesRoomByDroppingItsOldestEndedTaskOnly() {
        ToolTask first = store.create("s1", "t", null);
        store.create("s1", "t", null);
        store.create("s1", "t", null);
        McpError full = assertThrows(McpError.class, () -> store.create("s1", "t", null));
        assertEquals(McpSchema.ErrorCodes.INVALID_REQUEST, full.getJsonRpcError().code());
        store.create("s2", "t", null); // other sessions have their own room

        first.finish(SdkContent.toResult(ToolResult.text("done")));
        ToolTask fourth = store.create("s1", "t", null);

        assertThrows(McpError.class, () -> store.find("s1", first.id()));
        assertEquals(3, store.list("s1", null).tasks().size());
        assertEquals(fourth, store.find("s1", fourth.id()));
    }

    @Test
    void theServerHoldsAtMostAHundredSessionsWorthOfTasks() {
        TaskStore single = store(1);
        IntStream.range(0, TaskStore.SESSIONS_AT_THE_CAP).forEach(n -> single.create("s" + n, "t", null));
        McpError full = assertThrows(McpError.class, () -> single.create("forged", "t", null));
        assertEquals(McpSchema.ErrorCodes.INVALID_REQUEST, full.getJsonRpcError().code());
        assertTrue(single.list("forged", null).tasks().isEmpty());
    }

    @Test
    void listingPagesByCursor() {
        TaskStore roomy = store(200);
        List<String> created = IntStream.range(0, 120)
                .mapToObj(n -> roomy.create("s1", "t", null).id()).toList();

        TaskStore.Page first = roomy.list("s1", null);
        TaskStore.Page second = roomy.list("s1", first.nextCursor());
        TaskStore.Page last = roomy.list("s1", second.nextCursor());

        assertEquals(created.subList(0, 50), first.tasks().stream().map(ToolTask::id).toList());
        assertEquals(created.subList(50, 100), second.tasks().stream().map(ToolTask::id).toList());
        assertEquals(created.subList(100, 120), last.tasks().stream().map(ToolTask::id).toList());
        assertNull(last.nextCursor());
        McpError bad = assertThrows(McpError.class, () -> roomy.list("s1", "not-a-cursor"));
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, bad.getJsonRpcError().code());
    }

    @Test
    void tasksOfAToolOrASessionAreCancelledTogether() {
        ToolTask a = store.create("s1", "plugin_a", null);
        ToolTask b = store.create("s1", "plugin_b", null);
        ToolTask other = store.create("s2", "plugin_b", null);

        store.cancelWhere(task -> task.tool().equals("plugin_a"), "Cancelled: the tool's plugin was removed");
        store.closeSession("s2", "The session ended");

        assertEquals("Cancelled: the tool's plugin was removed", a.view().get("statusMessage"));
        assertEquals(TaskStatus.WORKING, b.status());
        assertEquals(TaskStatus.CANCELLED, other.status());
        assertThrows(McpError.class, () -> store.find("s2", other.id()));
    }
}
