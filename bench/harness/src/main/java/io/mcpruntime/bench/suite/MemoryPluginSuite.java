package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.BenchSettings;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.JsonRpc;
import io.mcpruntime.bench.ServerProcess;
import io.mcpruntime.bench.Stats;
import io.mcpruntime.bench.load.ClosedLoop;
import io.mcpruntime.bench.load.HttpLoad;
import io.mcpruntime.bench.load.LoadResult;
import io.mcpruntime.bench.report.Figure;
import io.mcpruntime.memory.InProcessMemory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The memory plugin (memory.jar, as shipped) in the runtime over Streamable HTTP: 100,000 entries stored by
 * concurrent clients, then memory_search at that size. The peer is the plugin's own store in the benchmark's JVM
 * ({@link InProcessMemory}): the same index, analyzer, query and snippets without MCP, JSON or HTTP, so the ratio is
 * what serving it as a plugin costs. Both fill their own index with the same entries and answer the same searches,
 * alternating which goes first.
 */
public final class MemoryPluginSuite implements Suite {
    private static final String GROUP = "memory plugin";
    private static final int STORE_CLIENTS = 8;
    private static final int[] SEARCH_CLIENTS = {1, 4};
    private static final double P99_GOAL_MILLIS = 20;

    private final MemoryCorpus corpus = new MemoryCorpus();

    @Override
    public String id() {
        return "memory-plugin";
    }

    @Override
    public String name() {
        return "memory plugin: store and search at 100k entries";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        Path root = Files.createTempDirectory(Files.createDirectories(context.work()), "memory-plugin-");
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        Files.copy(context.shippedPlugins().resolve("memory.jar"), plugins.resolve("memory.jar"));
        Files.writeString(plugins.resolve("io.mcpruntime.memory.cfg"), "dataDir = " + root.resolve("runtime-data")
                + "\n");
        try (ServerProcess runtime = ServerProcess.startHttp(context.runtime().http("--plugins", plugins.toString()));
                InProcessMemory peer = new InProcessMemory(root.resolve("peer-data"))) {
            Map<Contender, Contestant> contestants = Map.of(context.runtime(), overHttp(runtime),
                    context.peer(), inProcess(peer));
            List<Figure> figures = new ArrayList<>();
            Map<Contender, LoadResult> filled = new HashMap<>();
            for (Contender contender : context.inTurn(0)) {
                Contestant contestant = contestants.get(contender);
                LoadResult fill = ClosedLoop.count(contestant.stores(), contestant.cpuNanos(), STORE_CLIENTS,
                        settings.memoryEntries());
                report(contender, "stored " + settings.memoryEntries(), fill);
                filled.put(contender, fill);
            }
            figures.add(figure("memory_store throughput, " + STORE_CLIENTS + " clients, filling to "
                    + settings.memoryEntries() + " entries", "entries/s", filled, context,
                    LoadResult::callsPerSecond, problems(filled)));
            figures.add(figure("memory_store p99 while filling", "ms", filled, context, LoadResult::p99Millis, null));
            figures.addAll(searches(context, contestants));
            return figures;
        }
    }

    /** How a contender stores and searches, and its CPU time (the peer's is the benchmark's own, so none). */
    private record Contestant(ClosedLoop.Connector stores, ClosedLoop.Connector searches,
            java.util.function.LongSupplier cpuNanos) {
    }

    private Contestant overHttp(ServerProcess runtime) throws InterruptedException {
        URI endpoint = runtime.endpoint();
        return new Contestant(
                HttpLoad.sessions(endpoint, n -> JsonRpc.callTool(n + 1, "memory_store",
                        "{\"text\":\"" + corpus.text(n) + "\",\"tags\":" + json(corpus.tags(n)) + "}")),
                HttpLoad.sessions(endpoint, n -> JsonRpc.callTool(n + 1, "memory_search",
                        "{\"query\":\"" + corpus.query(n) + "\"" + (corpus.queryTags(n) == null ? ""
                                : ",\"tags\":" + json(corpus.queryTags(n))) + "}")),
                runtime::cpuNanos);
    }

    private Contestant inProcess(InProcessMemory peer) {
        return new Contestant(
                () -> n -> {
                    peer.store(corpus.text(n), corpus.tags(n));
                    return true;
                },
                () -> n -> peer.search(corpus.query(n), corpus.queryTags(n)) >= 0,
                () -> 0);
    }

    private List<Figure> searches(BenchContext context, Map<Contender, Contestant> contestants)
            throws InterruptedException {
        BenchSettings settings = context.settings();
        for (Contender contender : context.inTurn(1)) { // warm-up; not recorded
            Contestant contestant = contestants.get(contender);
            ClosedLoop.run(contestant.searches(), contestant.cpuNanos(), 4, settings.warmup(), settings.measure());
        }
        List<Figure> figures = new ArrayList<>();
        for (int clients : SEARCH_CLIENTS) {
            Map<Contender, List<LoadResult>> rounds = new HashMap<>();
            for (int round = 0; round < settings.rounds(); round++) {
                for (Contender contender : context.inTurn(round)) {
                    Contestant contestant = contestants.get(contender);
                    LoadResult result = ClosedLoop.run(contestant.searches(), contestant.cpuNanos(), clients,
                            settings.warmup(), settings.measure());
                    report(contender, "search, " + clients + " clients", result);
                    rounds.computeIfAbsent(contender, c -> new ArrayList<>()).add(result);
                }
            }
            Map<Contender, LoadResult> median = medians(rounds);
            String level = settings.memoryEntries() + " entries, " + clients + (clients == 1 ? " client" : " clients");
            double p99 = median.get(context.runtime()).p99Millis();
            figures.add(figure("memory_search throughput, " + level, "searches/s", median, context,
                    LoadResult::callsPerSecond, problems(median)));
            figures.add(figure("memory_search p50, " + level, "ms", median, context, LoadResult::p50Millis, null));
            figures.add(new Figure(GROUP, "memory_search p99, " + level, "ms", p99,
                    median.get(context.peer()).p99Millis(), "≤ " + (int) P99_GOAL_MILLIS + " ms",
                    p99 <= P99_GOAL_MILLIS, null));
            figures.add(new Figure(GROUP, "server CPU per search, " + level, "µs",
                    median.get(context.runtime()).serverCpuMicrosPerCall(), null, null, null,
                    "the peer runs in the benchmark's JVM"));
        }
        return figures;
    }

    /** Per contender, a result whose every figure is the median over the rounds. */
    private static Map<Contender, LoadResult> medians(Map<Contender, List<LoadResult>> rounds) {
        Map<Contender, LoadResult> medians = new HashMap<>();
        rounds.forEach((contender, results) -> medians.put(contender, new LoadResult(
                median(results, LoadResult::callsPerSecond), median(results, LoadResult::p50Millis),
                median(results, LoadResult::p99Millis), median(results, LoadResult::serverCpuMicrosPerCall),
                results.stream().mapToLong(LoadResult::calls).sum(),
                results.stream().mapToLong(LoadResult::failures).sum(),
                results.stream().map(LoadResult::problem).filter(p -> p != null).findFirst().orElse(null))));
        return medians;
    }

    private static double median(List<LoadResult> results, ToDoubleFunction<LoadResult> value) {
        return Stats.median(results.stream().map(value::applyAsDouble).toList());
    }

    private static Figure figure(String metric, String unit, Map<Contender, LoadResult> results,
            BenchContext context, ToDoubleFunction<LoadResult> value, String note) {
        return new Figure(GROUP, metric, unit, value.applyAsDouble(results.get(context.runtime())),
                value.applyAsDouble(results.get(context.peer())), null, null, note);
    }

    private static String problems(Map<Contender, LoadResult> results) {
        List<String> problems = results.entrySet().stream().filter(e -> e.getValue().problem() != null)
                .map(e -> e.getKey().name() + ": " + e.getValue().problem()).sorted().toList();
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static void report(Contender contender, String what, LoadResult result) {
        System.err.printf("  %s %s %s: %.0f/s, p50 %.2f ms, p99 %.2f ms%s%n", GROUP, contender.name(), what,
                result.callsPerSecond(), result.p50Millis(), result.p99Millis(),
                result.problem() == null ? "" : " (" + result.problem() + ")");
    }

    private static String json(List<String> tags) {
        return "[\"" + String.join("\",\"", tags) + "\"]";
    }
}
