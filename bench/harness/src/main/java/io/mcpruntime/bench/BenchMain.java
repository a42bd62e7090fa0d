package io.mcpruntime.bench;

import io.mcpruntime.bench.report.Figure;
import io.mcpruntime.bench.report.Machine;
import io.mcpruntime.bench.report.Report;
import io.mcpruntime.bench.suite.ClusterSuite;
import io.mcpruntime.bench.suite.ColdStartSuite;
import io.mcpruntime.bench.suite.HotDeploySuite;
import io.mcpruntime.bench.suite.HttpThroughputSuite;
import io.mcpruntime.bench.suite.MemoryPluginSuite;
import io.mcpruntime.bench.suite.MemorySuite;
import io.mcpruntime.bench.suite.OpenLoopSuite;
import io.mcpruntime.bench.suite.ScaleSuite;
import io.mcpruntime.bench.suite.StdioThroughputSuite;
import io.mcpruntime.bench.suite.Suite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every suite, prints the table (Markdown, as docs/PERFORMANCE.md shows it) and writes it as JSON.
 * A benchmark, not a test: a missed goal or a failed suite is reported in the table, and the exit code is 0.
 *
 * <p>Arguments ({@code --name=value}): {@code mode} (full or quick), {@code distribution} (the runtime's
 * .tar.gz), {@code plugin-template} (the bench plugin jar), {@code work} (scratch folder), {@code out} (JSON file),
 * {@code suites} (comma-separated suite ids; all by default).
 */
public final class BenchMain {
    private static final List<Suite> SUITES = List.of(new HttpThroughputSuite(), new StdioThroughputSuite(),
            new ColdStartSuite(), new HotDeploySuite(), new ScaleSuite(), new MemorySuite(), new ClusterSuite(),
            new MemoryPluginSuite(), new OpenLoopSuite());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String loadBefore = Machine.loadAverage();
        Instant started = Instant.now();
        Path work = Path.of(options.get("work"));
        Path archive = Path.of(options.get("distribution"));
        Path home = Distribution.unpack(archive, work.resolve("mcp-runtime"));
        Path homeWithArchive = Distribution.withArchive(Distribution.unpack(archive, work.resolve("mcp-runtime-cds")));
        BenchContext context = new BenchContext(BenchSettings.of(options.getOrDefault("mode", "full")), home,
                Contender.runtime("runtime", home), Contender.runtime("runtime+cds", homeWithArchive),
                Contender.peer(), Path.of(options.get("plugin-template")), work);
        List<Figure> figures = new ArrayList<>();
        List<String> chosen = List.of(options.getOrDefault("suites", "").split(","));
        for (Suite suite : SUITES) {
            if (!options.getOrDefault("suites", "").isEmpty() && !chosen.contains(suite.id())) {
                continue;
            }
            System.err.println("== " + suite.name());
            try {
                figures.addAll(suite.run(context));
            } catch (Exception | AssertionError e) {
                e.printStackTrace();
                figures.add(Figure.failed(suite.name(), e.toString()));
            }
        }
        Report report = new Report(context.settings().mode(), started, Machine.describe(loadBefore), figures);
        report.printTable(System.out);
        Path out = Path.of(options.get("out"));
        report.writeJson(out);
        System.out.println("\nWritten to " + out);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }
}
