package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.transport.CancelledRequest;
import io.mcpruntime.runtime.transport.RequestInterceptor;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The tool calls running now, by session and JSON-RPC id, so that {@code notifications/cancelled} (which the SDK
 * ignores) can stop one. It is the interceptor for that notification on every transport.
 */
public final class InFlightCalls implements RequestInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightCalls.class);

    private record Key(String session, String requestId) {
    }

    private final Map<Key, Runnable> calls = new ConcurrentHashMap<>();

    /** Registers a call's cancel action; the returned handle removes it when the call ends. */
    AutoCloseable register(String session, String requestId, Runnable cancel) {
        if (requestId == null) {
            return () -> { };
        }
        Key key = new Key(Objects.toString(session), requestId);
        calls.put(key, cancel);
        return () -> calls.remove(key, cancel);
    }

    /** The calls running now that a client can cancel, counted by session. */
    public Map<String, Long> countBySession() {
        return calls.keySet().stream().collect(Collectors.groupingBy(Key::session, Collectors.counting()));
    }

    /** A deleted session's calls are cancelled: nobody is left to receive their results. */
    @Override
    public void sessionClosed(String sessionId) {
        calls.entrySet().stream().filter(call -> call.getKey().session().equals(sessionId)).toList()
                .forEach(call -> {
                    if (calls.remove(call.getKey(), call.getValue())) {
                        call.getValue().run();
                    }
                });
    }

    @Override
    public Mono<Object> intercept(String method, Object params, String sessionId) {
        if (!CancelledRequest.METHOD.equals(method)) {
            return null;
        }
        Object requestId = CancelledRequest.requestId(params);
        Runnable cancel = requestId == null ? null
                : calls.remove(new Key(Objects.toString(sessionId), requestId.toString()));
        if (cancel != null) {
            LOG.debug("Request {} of session {} cancelled by the client", requestId, sessionId);
            cancel.run();
        }
        return Mono.empty();
    }
}
