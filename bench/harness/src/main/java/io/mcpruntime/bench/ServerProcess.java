package io.mcpruntime.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in its own process (the runtime's launcher, which execs java, or the peer's java command),
 * with a clean environment so that no JAVA_OPTS or MCP_* setting of the caller skews it, and its stderr kept.
 */
public final class ServerProcess implements AutoCloseable {
    /** USER_HZ, which Linux fixes at 100 for /proc on every architecture the JDK runs on. */
    private static final long CLOCK_TICKS = 100;
    private static final Pattern ENDPOINT = Pattern.compile("serving Streamable HTTP at (\\S+)");
    private static final Pattern COMPLAINT =
            Pattern.compile("(?: (?=(?:WARN|ERROR) )|^)((?:WARN|ERROR) .*|Caused by: .*)");

    private final Process process;
    private final long startedNanos;
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private ServerProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        Thread reader = new Thread(this::readStderr, "server-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the command; stdin and stdout are the caller's to use (stdio), or ignored by HTTP servers. */
    public static ServerProcess start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("MCP_") || name.equals("JAVA_OPTS")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("MAVEN_OPTS"));
        long started = System.nanoTime();
        return new ServerProcess(builder.start(), started);
    }

    /** Starts an HTTP server and waits until it announces its endpoint on stderr. */
    public static ServerProcess startHttp(List<String> command) throws IOException, InterruptedException {
        ServerProcess server = start(command);
        server.process.getInputStream().close(); // HTTP servers say nothing on stdout
        server.endpoint();
        return server;
    }

    public Process process() {
        return process;
    }

    /** When the process was started, on the {@link System#nanoTime()} clock. */
    public long startedNanos() {
        return startedNanos;
    }

    /** The Streamable HTTP URL the server announced, waiting up to 60 s for it. */
    public URI endpoint() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            for (String line : stderr) {
                Matcher matcher = ENDPOINT.matcher(line);
                if (matcher.find()) {
                    return URI.create(matcher.group(1));
                }
            }
            Thread.sleep(2); // finely: cold starts are timed through this
        }
        throw new IllegalStateException("The server announced no endpoint; stderr:\n" + String.join("\n", stderr));
    }

    /** Resident set size (VmRSS) in MiB, from /proc. */
    public double residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    /**
     * CPU time the process has used so far (user + system, from /proc, 10 ms resolution), in nanoseconds. Per call,
     * this is the figure the machine's noise disturbs least: other work slows a server down but does not make it
     * use more CPU per call.
     */
    public long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1_000_000_000L / CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> stderr() {
        return List.copyOf(stderr);
    }

    /**
     * The server's last complaint, which says why it stalled or failed: its last WARN or ERROR line or exception
     * cause on stderr, as {@code : "..."} (at most 200 characters) to append to a message, or "" if it has none.
     */
    public String lastComplaint() {
        for (int i = stderr.size() - 1; i >= 0; i--) {
            Matcher complaint = COMPLAINT.matcher(stderr.get(i));
            if (complaint.find()) {
                String text = complaint.group(1);
                return ": \"" + (text.length() > 200 ? text.substring(0, 200) + "…" : text) + "\"";
            }
        }
        return "";
    }

    private void readStderr() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                stderr.add(line);
            }
        } catch (IOException e) {
            stderr.add("(stderr closed: " + e + ")");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
