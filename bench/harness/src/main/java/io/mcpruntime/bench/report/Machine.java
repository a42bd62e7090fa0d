package io.mcpruntime.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark ran on, read from the JVM and /proc, and how busy the machine was. */
public record Machine(String cpu, int cores, String memory, String os, String java, String loadBefore,
        String loadAfter) {

    public static Machine describe(String loadBefore) {
        return new Machine(firstValue("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
                firstValue("/proc/meminfo", "MemTotal"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                loadBefore, loadAverage());
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
