package io.mcpruntime.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The distribution's {@code bin/mcp-cluster} running as a real process: kernels n1..nN behind a real nginx on one
 * port. Each kernel's pid and direct URL are read from the run folder the script writes them to, so a test can reach
 * one node directly or stop it (SIGTERM) or kill it (SIGKILL) under the proxy.
 */
final class Cluster implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving Streamable HTTP at (\\S+) through nginx");
    private static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final CapturedLines stderr;
    private final Path run;
    private final URI endpoint;

    private Cluster(Process process, Path run) throws InterruptedException {
        this.process = process;
        this.stderr = new CapturedLines(process.getErrorStream(), "mcp-cluster");
        new CapturedLines(process.getInputStream(), "mcp-cluster stdout");
        this.run = run;
        this.endpoint = URI.create(stderr.await(SERVING, START).group(1));
    }

    /** Starts {@code nodes} kernels on this plugins folder (all of them watch it) behind nginx on a free port. */
    static Cluster start(int nodes, Path plugins, Path run, String... kernelArgs) throws Exception {
        assumeTrue(nginx() != null, "nginx is not installed (.ci/run installs it with .ci/nginx): "
                + "the cluster tests need a real nginx");
        List<String> command = new ArrayList<>(List.of("sh", Distribution.home().resolve("bin/mcp-cluster").toString(),
                "--nodes", Integer.toString(nodes), "--port", Integer.toString(freePort()), "--run", run.toString(),
                "--", "--plugins", plugins.toString()));
        command.addAll(List.of(kernelArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MCP_CDS", "off");
        builder.environment().put("NGINX", nginx().toString());
        return new Cluster(builder.start(), run);
    }

    /** nginx on PATH or where Debian puts it, or null. */
    static Path nginx() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "nginx");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The proxy's Streamable HTTP URL, the one clients use. */
    String endpoint() {
        return endpoint.toString();
    }

    /** Node n{@code i}'s own Streamable HTTP URL, past the proxy. */
    String nodeEndpoint(int i) throws IOException {
        return Files.readString(run.resolve("n" + i + ".url")).strip();
    }

    /** Node n{@code i}'s process, to stop or kill under the proxy. */
    ProcessHandle node(int i) throws IOException {
        long pid = Long.parseLong(Files.readString(run.resolve("n" + i + ".pid")).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node n" + i + " is not running"));
    }

    List<String> stderr() {
        return stderr.lines();
    }

    /** SIGTERM to the script: it stops nginx and drains the kernels. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
