package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * Sends {@code notifications/tasks/status} to the session of a task whose status changed, through whichever
 * transport holds that session. Best effort, as the spec allows: a session without a channel for it (Streamable
 * HTTP without its GET stream) does not hear of it and polls.
 */
public final class TaskStatusNotices implements Consumer<ToolTask> {
    static final String METHOD = "notifications/tasks/status";

    private final List<McpServerTransportProviderBase> transports = new CopyOnWriteArrayList<>();

    /** A transport whose sessions may run tasks. */
    public void add(McpServerTransportProviderBase transport) {
        transports.add(transport);
    }

    @Override
    public void accept(ToolTask task) {
        for (McpServerTransportProviderBase transport : transports) {
            transport.notifyClient(task.session(), METHOD, task.view()).onErrorResume(e -> Mono.empty()).subscribe();
        }
    }
}
