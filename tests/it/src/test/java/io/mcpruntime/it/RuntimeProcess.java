package io.mcpruntime.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The distribution's launcher running as a real process in HTTP mode, with its stderr captured. */
final class RuntimeProcess implements AutoCloseable {
    private static final Pattern ENDPOINT = Pattern.compile("serving Streamable HTTP at (\\S+)");

    private final Process process;
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private RuntimeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readStderr, "runtime-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server on a free port with the given plugins folder. */
    static RuntimeProcess startHttp(Path plugins, String... extraArgs) throws Exception {
        return startHttp(plugins, Map.of(), extraArgs);
    }

    /** Starts the server with extra environment variables (the MCP_* settings). */
    static RuntimeProcess startHttp(Path plugins, Map<String, String> environment, String... extraArgs)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", Distribution.launcher().toString(),
                "--port", "0", "--plugins", plugins.toString()));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return new RuntimeProcess(builder.start());
    }

    /** The Streamable HTTP URL, read from the startup lines. */
    String endpoint() throws InterruptedException {
        return awaitStderr(ENDPOINT, Duration.ofSeconds(30)).group(1);
    }

    /** Waits for a stderr line matching the pattern; fails with the captured output if none comes. */
    Matcher awaitStderr(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (String line : stderr) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (!process.isAlive() && System.nanoTime() < deadline) {
                deadline = System.nanoTime(); // one last look, then fail
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("No stderr line matched " + pattern + "; stderr was:\n" + String.join("\n", stderr));
    }

    /** Sends SIGTERM (the launcher execs java, so the JVM gets it) without waiting. */
    void terminate() {
        process.destroy();
    }

    /** The exit code, waiting at most the timeout; fails if the process is still running. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not exit within " + timeout);
        }
        return process.exitValue();
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    boolean isAlive() {
        return process.isAlive();
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
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
