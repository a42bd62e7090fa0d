package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.JsonRpc;
import io.mcpruntime.bench.ServerProcess;
import io.mcpruntime.bench.http.McpHttpSession;
import io.mcpruntime.bench.report.Figure;
import java.time.Duration;
import java.util.List;

/**
 * Resident memory of an idle HTTP server: started, one session opened, one call made and the session closed,
 * then left alone for a few seconds. The runtime runs with its launcher's heap flags, the peer with the JVM's defaults.
 */
public final class MemorySuite implements Suite {
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final double IDLE_GOAL_MIB = 120;

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public String name() {
        return "idle resident memory";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        try (ServerProcess runtime = ServerProcess.startHttp(context.runtime().http());
                ServerProcess peer = ServerProcess.startHttp(context.peer().http())) {
            touch(runtime, context.runtime());
            touch(peer, context.peer());
            Thread.sleep(SETTLE.toMillis());
            double resident = runtime.residentMiB();
            return List.of(new Figure("memory", "idle resident memory (HTTP, after one call)", "MiB", resident,
                    peer.residentMiB(), "≤ " + (int) IDLE_GOAL_MIB + " MiB", resident <= IDLE_GOAL_MIB,
                    "VmRSS; the runtime with its launcher's heap flags, the peer with the JVM's defaults"));
        }
    }

    private static void touch(ServerProcess server, Contender contender) throws Exception {
        try (McpHttpSession session = McpHttpSession.open(server.endpoint())) {
            session.post(JsonRpc.callEcho(1, contender.echoTool()));
        }
    }
}
