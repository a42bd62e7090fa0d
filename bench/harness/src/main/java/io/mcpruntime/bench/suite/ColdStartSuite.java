package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.ServerProcess;
import io.mcpruntime.bench.Stats;
import io.mcpruntime.bench.http.McpHttpSession;
import io.mcpruntime.bench.report.Figure;
import io.mcpruntime.bench.stdio.StdioClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Process start to the first {@code initialize} answered, the runtime with all the plugins it ships. Over stdio, as
 * a desktop client spawns a server, the request is written at once; over HTTP it is sent as soon as the server
 * announces its port. The runtime starts as unpacked (its first start) and with the class data sharing archive that
 * its first start has written in the background (every later start); the three take turns. Where the start goes:
 * the later start again with no plugin at all (the kernel alone) and with the example plugin alone.
 */
public final class ColdStartSuite implements Suite {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Issue 16's goals: a first start (no archive yet) within 1 s, every later one within 0.7 s. */
    private static final double FIRST_GOAL_MILLIS = 1000;
    private static final double LATER_GOAL_MILLIS = 700;
    private static final String KERNEL_ALONE = "kernel alone";
    private static final String EXAMPLE_ALONE = "example plugin alone";

    @Override
    public String id() {
        return "cold-start";
    }

    @Override
    public String name() {
        return "cold start";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Contender later = context.runtimeWithArchive();
        Path none = Files.createDirectories(context.work().resolve("cold-start/no-plugins"));
        List<Start> starts = List.of(
                new Start(context.runtime().name(), context.runtime(), plugins(context.shippedPlugins())),
                new Start(later.name(), later, plugins(context.shippedPlugins())),
                new Start(context.peer().name(), context.peer(), new String[0]),
                new Start(KERNEL_ALONE, later, plugins(none)),
                new Start(EXAMPLE_ALONE, later, plugins(context.examplePluginsFolder("cold-start"))));
        Map<String, List<Double>> millis = new HashMap<>();
        for (int round = 0; round < context.settings().starts(); round++) {
            for (Start start : BenchContext.rotated(starts, round)) {
                double stdio = timeToInitialize(start.contender().stdio(start.args()));
                double http = timeToInitializeHttp(start.contender().http(start.args()));
                System.err.printf("  %s: initialize answered %.0f ms (stdio), %.0f ms (HTTP) after process start%n",
                        start.name(), stdio, http);
                millis.computeIfAbsent(start.name() + " stdio", k -> new ArrayList<>()).add(stdio);
                millis.computeIfAbsent(start.name() + " http", k -> new ArrayList<>()).add(http);
            }
        }
        return List.of(
                figure("stdio: process start → initialize answered, first start (no archive yet)", millis,
                        context.runtime(), "stdio", FIRST_GOAL_MILLIS),
                figure("stdio, every later start (archive in place)", millis, context.runtimeWithArchive(),
                        "stdio", LATER_GOAL_MILLIS),
                figure("HTTP: process start → initialize answered, first start", millis, context.runtime(), "http",
                        FIRST_GOAL_MILLIS),
                figure("HTTP, every later start (archive in place)", millis, context.runtimeWithArchive(), "http",
                        LATER_GOAL_MILLIS),
                breakdown("stdio, later start, the kernel alone (no plugin)", millis, KERNEL_ALONE, "stdio"),
                breakdown("stdio, later start, the example plugin alone", millis, EXAMPLE_ALONE, "stdio"),
                breakdown("HTTP, later start, the kernel alone (no plugin)", millis, KERNEL_ALONE, "http"),
                breakdown("HTTP, later start, the example plugin alone", millis, EXAMPLE_ALONE, "http"));
    }

    /** One kind of start: a contender with its arguments, under the name its figures are kept by. */
    private record Start(String name, Contender contender, String[] args) {
    }

    private static String[] plugins(Path folder) {
        return new String[] {"--plugins", folder.toString()};
    }

    private static Figure figure(String metric, Map<String, List<Double>> millis, Contender runtime,
            String transport, double goal) {
        List<Double> ours = millis.get(runtime.name() + " " + transport);
        List<Double> peer = millis.get("peer " + transport);
        double median = Stats.median(ours);
        return new Figure("start", metric, "ms", median, Stats.median(peer), "≤ " + (int) goal + " ms",
                median <= goal, "medians; runtime " + Stats.spread(ours, "ms") + ", peer "
                        + Stats.spread(peer, "ms"));
    }

    /** Where a later start's time goes: no goal of its own, set against the same peer. */
    private static Figure breakdown(String metric, Map<String, List<Double>> millis, String start, String transport) {
        List<Double> ours = millis.get(start + " " + transport);
        return new Figure("start", metric, "ms", Stats.median(ours), Stats.median(millis.get("peer " + transport)),
                null, null, "medians; " + Stats.spread(ours, "ms"));
    }

    /** Starts a stdio server and times process start to the answer of an initialize written at once. */
    static double timeToInitialize(List<String> command) throws Exception {
        try (StdioClient client = StdioClient.start(command)) {
            long answered = client.initialize(TIMEOUT);
            return (answered - client.server().startedNanos()) / 1e6;
        }
    }

    /** Starts an HTTP server and times process start to the answer of an initialize sent once it is listening. */
    private static double timeToInitializeHttp(List<String> command) throws Exception {
        try (ServerProcess server = ServerProcess.startHttp(command);
                McpHttpSession session = McpHttpSession.open(server.endpoint())) {
            return (session.initializedNanos() - server.startedNanos()) / 1e6;
        }
    }
}
