package io.mcpruntime.runtime.mcp;

import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * Sends a notification to one session, through whichever transport holds it: what a task tells its client after the
 * request that started it was answered ({@code notifications/tasks/status}, its progress). Best effort, as the spec
 * allows: a session without a channel for it (Streamable HTTP without its GET stream) does not hear of it and polls.
 */
public final class SessionNotices {
    private final List<McpServerTransportProviderBase> transports = new CopyOnWriteArrayList<>();

    /** A transport whose sessions may run tasks. */
    public void add(McpServerTransportProviderBase transport) {
        transports.add(transport);
    }

    void send(String session, String method, Object params) {
        for (McpServerTransportProviderBase transport : transports) {
            transport.notifyClient(session, method, params).onErrorResume(e -> Mono.empty()).subscribe();
        }
    }
}
