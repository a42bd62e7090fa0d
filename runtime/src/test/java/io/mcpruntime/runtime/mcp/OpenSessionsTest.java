package io.mcpruntime.runtime.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class OpenSessionsTest {
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final InFlightCalls inFlight = new InFlightCalls();
    private final OpenSessions sessions = new OpenSessions(inFlight::countBySession, clock);

    @Test
    void aSessionIsListedFromItsOpeningWithItsClientActivityAndRunningCallsUntilItCloses() {
        sessions.opened("a", "streamable-http");
        long opened = sessions.changes();
        clock.advance(Duration.ofSeconds(1));
        sessions.initialized("a", new OpenSessions.Client("inspector", "1.2", "2025-11-25"));
        assertNotEquals(opened, sessions.changes(), "the page is told of the client");
        clock.advance(Duration.ofSeconds(5));
        long initialized = sessions.changes();
        sessions.active("a");
        assertEquals(initialized, sessions.changes(), "activity alone is no change to announce");
        inFlight.register("a", "1", () -> { });
        inFlight.register("a", "2", () -> { });
        inFlight.register("b", "1", () -> { });

        assertEquals(List.of(new OpenSessions.Session("a", "streamable-http", "inspector", "1.2", "2025-11-25", START,
                START.plusSeconds(6), 2)), sessions.snapshot());

        sessions.closed("a");
        assertTrue(sessions.snapshot().isEmpty());
        assertNotEquals(initialized, sessions.changes());
    }

    @Test
    void newestFirstAndUnknownSessionsIgnored() {
        sessions.opened("old", "stdio");
        clock.advance(Duration.ofSeconds(1));
        sessions.opened("new", "legacy-sse");
        sessions.active("gone");
        sessions.initialized("gone", new OpenSessions.Client("x", "1", "2024-11-05"));
        long before = sessions.changes();
        sessions.closed("gone");

        assertEquals(List.of("new", "old"), sessions.snapshot().stream().map(OpenSessions.Session::id).toList());
        assertNull(sessions.snapshot().get(0).clientName(), "not initialized yet");
        assertEquals(before, sessions.changes());
    }

    @Test
    void aStdioOrLegacySseSessionIsFollowedThroughItsTransport() {
        TrackedSessionTransport transport = new TrackedSessionTransport(new NoTransport(), sessions);
        transport.opened("s", "legacy-sse");
        transport.unmarshalFrom(new McpSchema.InitializeRequest("2024-11-05",
                McpSchema.ClientCapabilities.builder().build(), new McpSchema.Implementation("old-client", "0.9")),
                new TypeRef<McpSchema.InitializeRequest>() { });
        clock.advance(Duration.ofSeconds(2));
        transport.sendMessage(McpSchema.JSONRPCResponse.result(1, new McpSchema.InitializeResult("2024-11-05",
                McpSchema.ServerCapabilities.builder().build(), new McpSchema.Implementation("mcp-runtime", "1"),
                null))).block();

        OpenSessions.Session session = sessions.snapshot().get(0);
        assertEquals(List.of("s", "legacy-sse", "old-client", "0.9", "2024-11-05"), List.of(session.id(),
                session.transport(), session.clientName(), session.clientVersion(), session.protocolVersion()));
        assertEquals(START.plusSeconds(2), session.lastActive());

        transport.closeGracefully().block();
        assertTrue(sessions.snapshot().isEmpty());
    }

    @Test
    void aStreamableSessionLeavesWhenTheSdkDeletesOrClosesIt() {
        sessions.opened("d", "streamable-http");
        sessions.opened("c", "streamable-http");
        new TrackedStreamableSession(sdkSession("d"), sessions).delete().block();
        new TrackedStreamableSession(sdkSession("c"), sessions).closeGracefully().block();
        assertTrue(sessions.snapshot().isEmpty());
    }

    @Test
    void theStreamableSessionHandsOnEveryPublicMethodOfTheSdks() {
        for (Method method : McpStreamableServerSession.class.getMethods()) {
            if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
                    || method.isDefault()) { // a default method calls the others
                continue;
            }
            try {
                TrackedStreamableSession.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new AssertionError("TrackedStreamableSession does not hand on " + method, e);
            }
        }
    }

    private static McpStreamableServerSession sdkSession(String id) {
        return new McpStreamableServerSession(id, null, null, Duration.ofSeconds(1), Map.of(), Map.of());
    }

    private static final class NoTransport implements McpServerTransport {
        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.empty();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return (T) data;
        }
    }
}
