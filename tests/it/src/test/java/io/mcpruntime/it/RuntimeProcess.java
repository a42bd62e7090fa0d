package io.mcpruntime.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution's launcher running as a real process, in HTTP mode or in stdio mode (where {@link #send} writes
 * to its stdin), with its stdout and stderr captured line by line.
 */
final class RuntimeProcess implements AutoCloseable {
    private static final Pattern ENDPOINT = Pattern.compile("serving Streamable HTTP at (\\S+)");
    private static final Pattern HEALTH = Pattern.compile("health at (\\S+)");
    private static final Duration START = Duration.ofSeconds(30);

    private final Process process;
    private final CapturedLines stdout;
    private final CapturedLines stderr;

    private RuntimeProcess(Process process) {
        this.process = process;
        this.stdout = new CapturedLines(process.getInputStream(), "stdout");
        this.stderr = new CapturedLines(process.getErrorStream(), "stderr");
    }

    /** Starts the server on a free port with the given plugins folder. */
    static RuntimeProcess startHttp(Path plugins, String... extraArgs) throws Exception {
        return startHttp(plugins, Map.of(), extraArgs);
    }

    /** Starts the server with extra environment variables (the MCP_* settings). */
    static RuntimeProcess startHttp(Path plugins, Map<String, String> environment, String... extraArgs)
            throws Exception {
        return startHttp(0, plugins, environment, extraArgs);
    }

    /** Starts the server on this port, for settings that must name the server's URL before it starts. */
    static RuntimeProcess startHttp(int port, Path plugins, Map<String, String> environment, String... extraArgs)
            throws Exception {
        return start(environment, List.of("--port", String.valueOf(port), "--plugins", plugins.toString()),
                extraArgs);
    }

    /** Starts the server in stdio mode, as a client spawns it: {@link #send} is the client talking. */
    static RuntimeProcess startStdio(Path plugins, String... extraArgs) throws Exception {
        return start(Map.of(), List.of("--stdio", "--plugins", plugins.toString()), extraArgs);
    }

    private static RuntimeProcess start(Map<String, String> environment, List<String> args, String... extraArgs)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", Distribution.launcher().toString()));
        command.addAll(args);
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return new RuntimeProcess(builder.start());
    }

    /** The Streamable HTTP URL, read from the startup lines. */
    String endpoint() throws InterruptedException {
        return stderr.await(ENDPOINT, START).group(1);
    }

    /** The health URL of a stdio server's admin port ({@code --admin-port}), read from the startup lines. */
    URI health() throws InterruptedException {
        return URI.create(stderr.await(HEALTH, START).group(1));
    }

    /** Waits for a stderr line matching the pattern; fails with the captured output if none comes. */
    Matcher awaitStderr(Pattern pattern, Duration timeout) throws InterruptedException {
        return stderr.await(pattern, timeout);
    }

    /** Waits for a stdout line (in stdio mode, a message) matching the pattern. */
    Matcher awaitStdout(Pattern pattern, Duration timeout) throws InterruptedException {
        return stdout.await(pattern, timeout);
    }

    /** Writes each message as one line to the server's stdin. */
    void send(String... messages) throws IOException {
        OutputStream in = process.getOutputStream();
        for (String message : messages) {
            in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
    }

    /** Closes the server's stdin: a stdio server's client has gone. */
    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /**
     * Sends SIGTERM (the launcher execs java, so the JVM gets it) without waiting, and leaves the pipes open: a stdio
     * server still has its client ({@code Process.destroy()} would close them).
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Kills the JVM with SIGKILL, as kill -9 would: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The exit code, waiting at most the timeout (and for all of stdout); fails if the process is still running. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not exit within " + timeout);
        }
        stdout.awaitEnd(Duration.ofSeconds(5));
        return process.exitValue();
    }

    List<String> stdout() {
        return stdout.lines();
    }

    List<String> stderr() {
        return stderr.lines();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
