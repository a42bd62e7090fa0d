package io.mcpruntime.testing;

import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the server told one client without being asked: list_changed, log messages and progress. Every wait gives up
 * after {@link McpKit#TIMEOUT} with an {@link AssertionError} that says what did arrive.
 */
public final class Notifications {

    /** A {@code notifications/message}: {@code level} is the MCP level name (debug, info, warning, error, ...). */
    public record LogMessage(String level, String logger, String data) {
    }

    /** A {@code notifications/progress}; {@code total} and {@code message} may be null. */
    public record Progress(double progress, Double total, String message) {
    }

    /** The lists a server announces changes of. */
    public enum ListKind { TOOLS, RESOURCES, PROMPTS }

    /** A list_changed and the list as the client re-read it right after. */
    private record ListChange(ListKind kind, Set<String> listed) {
    }

    private final List<ListChange> listChanges = new ArrayList<>();
    private final Map<ListKind, Integer> consumed = new EnumMap<>(ListKind.class);
    private final List<LogMessage> logs = new ArrayList<>();
    private final List<Progress> progress = new ArrayList<>();

    Notifications() {
    }

    synchronized void listChanged(ListKind kind, Set<String> listed) {
        listChanges.add(new ListChange(kind, listed));
        notifyAll();
    }

    synchronized void log(McpSchema.LoggingMessageNotification message) {
        logs.add(new LogMessage(message.level().name().toLowerCase(Locale.ROOT), message.logger(),
                message.data()));
        notifyAll();
    }

    synchronized void progress(McpSchema.ProgressNotification notification) {
        progress.add(new Progress(notification.progress(), notification.total(), notification.message()));
        notifyAll();
    }

    /** Waits for a {@code notifications/tools/list_changed} that no earlier call of this method returned for. */
    public void awaitToolsListChanged() {
        awaitListChanged(ListKind.TOOLS);
    }

    /** Waits for a {@code notifications/resources/list_changed} no earlier call returned for. */
    public void awaitResourcesListChanged() {
        awaitListChanged(ListKind.RESOURCES);
    }

    /** Waits for a {@code notifications/prompts/list_changed} no earlier call returned for. */
    public void awaitPromptsListChanged() {
        awaitListChanged(ListKind.PROMPTS);
    }

    private synchronized void awaitListChanged(ListKind kind) {
        int next = consumed.getOrDefault(kind, 0) + 1;
        await(() -> count(kind) >= next, () -> kind.name().toLowerCase(Locale.ROOT)
                + "/list_changed number " + next + " (received: " + listChanges.stream().map(ListChange::kind).toList()
                + ")");
        consumed.put(kind, next);
    }

    /** Waits until more than {@code count} list_changed of that kind arrived in all. */
    synchronized void awaitMoreThan(ListKind kind, int count, Supplier<String> what) {
        await(() -> count(kind) > count, what);
    }

    /** How many list_changed of that kind arrived so far. */
    public synchronized int listChangedCount(ListKind kind) {
        return count(kind);
    }

    private int count(ListKind kind) {
        return (int) listChanges.stream().filter(change -> change.kind() == kind).count();
    }

    /** The log messages received so far. */
    public synchronized List<LogMessage> logs() {
        return List.copyOf(logs);
    }

    /** Waits until at least {@code count} log messages arrived in all; returns all of them. */
    public synchronized List<LogMessage> awaitLogs(int count) {
        await(() -> logs.size() >= count, () -> count + " log message(s) (received: " + logs + ")");
        return logs();
    }

    /** The progress notifications received so far. */
    public synchronized List<Progress> progress() {
        return List.copyOf(progress);
    }

    /** Waits until at least {@code count} progress notifications arrived in all; returns all of them. */
    public synchronized List<Progress> awaitProgress(int count) {
        await(() -> progress.size() >= count, () -> count + " progress notification(s) (received: " + progress + ")");
        return progress();
    }

    /** Where the kit is before it changes plugins: see {@link #awaitListed}. */
    synchronized int mark() {
        return listChanges.size();
    }

    /**
     * Waits until {@link #listedSince} holds. Without names (a plugin of templates or completions only), any
     * list_changed after the mark will do.
     */
    synchronized void awaitListed(int mark, Map<ListKind, Set<String>> names, boolean shown, String cause) {
        await(() -> names.isEmpty() ? listChanges.size() > mark : listedSince(mark, names, shown),
                () -> "the client to be told of " + cause + ": " + (shown ? "" : "no longer ") + "listing "
                        + names.values() + " (received since: " + listChanges.subList(mark, listChanges.size()) + ")");
    }

    /**
     * Whether, for each list, a list_changed after the mark was followed by a list that shows all of the names
     * ({@code shown}) or none of them.
     */
    synchronized boolean listedSince(int mark, Map<ListKind, Set<String>> names, boolean shown) {
        return names.entrySet().stream().allMatch(expected -> listChanges.subList(mark, listChanges.size()).stream()
                .filter(change -> change.kind() == expected.getKey())
                .anyMatch(change -> shown ? change.listed().containsAll(expected.getValue())
                        : expected.getValue().stream().noneMatch(change.listed()::contains)));
    }

    private void await(BooleanSupplier done, Supplier<String> what) {
        long deadline = System.nanoTime() + McpKit.TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                throw new AssertionError("Waited " + McpKit.TIMEOUT.toSeconds() + " s for " + what.get());
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what.get(), e);
            }
        }
    }
}
