package io.mcpruntime.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's CPUs split for a load suite: the servers on the first half, the load generator (this JVM, all its
 * threads) on the other, until {@link #close}. On a small machine a load generator that shares the servers' cores
 * puts its own scheduling delays into the latencies it measures, and the faster server, answering more calls, leaves
 * its clients less CPU: a tail that belongs to neither server. On a machine with one CPU, or without util-linux's
 * {@code taskset}, nothing is split and {@link #describe} says so.
 */
public final class CpuSplit implements AutoCloseable {
    private final String servers;
    private final String loadGenerator;
    private final String all;

    private CpuSplit(String servers, String loadGenerator, String all) {
        this.servers = servers;
        this.loadGenerator = loadGenerator;
        this.all = all;
    }

    /** Pins this JVM to the load generator's CPUs; servers started with {@link #server} get the others. */
    public static CpuSplit apply() throws InterruptedException {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2 || !pin(range(0, cpus))) {
            return new CpuSplit(null, null, null);
        }
        CpuSplit split = new CpuSplit(range(0, cpus / 2), range(cpus / 2, cpus), range(0, cpus));
        pin(split.loadGenerator);
        return split;
    }

    /** The server's command, run on the servers' CPUs. */
    public List<String> server(List<String> command) {
        if (servers == null) {
            return command;
        }
        List<String> pinned = new ArrayList<>(List.of("taskset", "-c", servers));
        pinned.addAll(command);
        return pinned;
    }

    public String describe() {
        return servers == null ? "servers and load generator share the CPUs"
                : "servers on CPU " + servers + ", load generator on CPU " + loadGenerator;
    }

    @Override
    public void close() throws InterruptedException {
        if (all != null) {
            pin(all);
        }
    }

    private static String range(int from, int to) {
        return to - from == 1 ? Integer.toString(from) : from + "-" + (to - 1);
    }

    /** Sets the CPUs of every thread of this JVM (threads started later inherit them); false if taskset failed. */
    private static boolean pin(String cpus) throws InterruptedException {
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus,
                    Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return taskset.waitFor() == 0;
        } catch (IOException e) {
            return false; // no taskset on this machine
        }
    }
}
