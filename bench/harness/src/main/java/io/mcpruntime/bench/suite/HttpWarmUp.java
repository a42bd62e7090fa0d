package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.ServerProcess;
import io.mcpruntime.bench.load.HttpLoad;
import java.time.Duration;
import java.util.Map;

/**
 * The JIT warm-up of the HTTP load suites, not recorded: 1, 10 and 50 clients for the settings' warm-up each. A server
 * on one CPU of its own ({@link io.mcpruntime.bench.CpuSplit}) compiles on the core it serves on, and warmed at one
 * level only it still compiled (and deoptimized) through the first window of another: at one client the runtime
 * used 136 µs of CPU per call there, 35 µs warm.
 */
final class HttpWarmUp {
    private static final int[] CLIENTS = {1, 10, 50};

    private HttpWarmUp() {
    }

    static void run(BenchContext context, Map<Contender, ServerProcess> servers) throws InterruptedException {
        for (Contender contender : context.inTurn(0)) {
            ServerProcess server = servers.get(contender);
            for (int clients : CLIENTS) {
                HttpLoad.run(server.endpoint(), contender.echoTool(), server::cpuNanos, clients,
                        context.settings().jitWarmup(), Duration.ofSeconds(1));
            }
        }
    }
}
