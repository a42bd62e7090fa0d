package io.mcpruntime.bench.load;

import io.mcpruntime.bench.JsonRpc;
import io.mcpruntime.bench.http.McpHttpSession;
import java.net.URI;
import java.time.Duration;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * {@link ClosedLoop} tools/call load over Streamable HTTP: each client with its own initialized session and
 * keep-alive connection.
 */
public final class HttpLoad {
    private HttpLoad() {
    }

    /** Calls the echo tool. */
    public static LoadResult run(URI endpoint, String tool, LongSupplier serverCpuNanos, int clients,
            Duration warmup, Duration measure) throws InterruptedException {
        return ClosedLoop.run(sessions(endpoint, id -> JsonRpc.callEcho(id + 1, tool)), serverCpuNanos, clients, warmup,
                measure);
    }

    /**
     * Clients that each open a session and post {@code requests.apply(id)} for call {@code id}: the request's
     * JSON-RPC id must be {@code id + 1}, as 0 is the session's initialize.
     */
    public static ClosedLoop.Connector sessions(URI endpoint, LongFunction<String> requests) {
        return () -> {
            McpHttpSession session = McpHttpSession.open(endpoint);
            return new ClosedLoop.Client() {
                @Override
                public boolean call(long id) throws Exception {
                    return JsonRpc.isResult(session.post(requests.apply(id)).body());
                }

                @Override
                public void close() throws Exception {
                    session.close();
                }
            };
        };
    }
}
