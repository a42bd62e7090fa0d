package io.mcpruntime.bench;

import java.time.Duration;

/**
 * How long and how often each figure is measured. The full run takes a few minutes; the quick run (one round,
 * short windows) checks that everything works and gives rough figures.
 *
 * @param rounds alternating runtime/peer rounds of each load figure; medians are reported
 * @param jitWarmup load on a freshly started server before any measurement, until C2 has compiled the hot path
 * @param warmup load before each measuring window (connections, sessions)
 * @param measure the measuring window of one load figure
 * @param starts cold starts (and 1,000-tool boots) of each server
 * @param drops plugin jars dropped and removed for the hot-deploy figures
 * @param listSamples tools/list requests timed at 1,000 tools
 * @param memoryEntries entries the memory plugin is filled with before its searches are timed
 */
public record BenchSettings(String mode, int rounds, Duration jitWarmup, Duration warmup, Duration measure, int starts,
        int drops, int listSamples, int memoryEntries) {

    public static BenchSettings of(String mode) {
        return switch (mode) {
            case "full" -> new BenchSettings(mode, 3, Duration.ofSeconds(15), Duration.ofSeconds(1),
                    Duration.ofSeconds(3), 5, 20, 200, 100_000);
            case "quick" -> new BenchSettings(mode, 1, Duration.ofSeconds(3), Duration.ofSeconds(1),
                    Duration.ofSeconds(2), 3, 5, 50, 10_000);
            default -> throw new IllegalArgumentException("--mode is full or quick, not " + mode);
        };
    }
}
