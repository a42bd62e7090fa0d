package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folders and the scan an operator can move: {@code --work-dir} holds the framework's bundle cache (by default a
 * temporary folder, removed on exit), {@code --system-bundles} is where the kernel's own bundles come from, and
 * {@code --plugin-poll-ms} is how often the plugins folder is looked at in any case (a change the operating system
 * reports is looked at once it settles).
 */
class FolderSettingsIT {
    /** Far longer than a change takes to serve once its events are seen. */
    private static final Duration LONG_POLL = Duration.ofSeconds(40);

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @TempDir
    Path scratch;

    @Test
    void theBundleCacheIsInTheWorkDirAndAWorkDirOfItsOwnIsRemovedOnExit() throws Exception {
        Path workDir = scratch.resolve("work");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--work-dir", workDir.toString())) {
            runtime.endpoint();
            assertTrue(Files.isDirectory(workDir.resolve("bundle-cache")), "the cache is in the given folder");
            assertEquals(0, stopped(runtime));
            assertTrue(Files.isDirectory(workDir), "the operator's folder stays");
        }

        Path tmp = Files.createDirectory(scratch.resolve("tmp"));
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(),
                Map.of("JAVA_OPTS", "-Djava.io.tmpdir=" + tmp))) {
            runtime.endpoint();
            List<Path> own = workDirs(tmp);
            assertEquals(1, own.size(), "one temporary work dir: " + own);
            assertTrue(Files.isDirectory(own.get(0).resolve("bundle-cache")));
            assertEquals(0, stopped(runtime));
            assertFalse(Files.exists(own.get(0)), "removed on exit");
        }
    }

    @Test
    void theKernelsBundlesComeFromTheSystemBundlesFolder() throws Exception {
        Path system = Files.createDirectory(scratch.resolve("system"));
        try (Stream<Path> jars = Files.list(Distribution.home().resolve("system"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, system.resolve(jar.getFileName()));
            }
        }
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--system-bundles", system.toString());
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            assertTrue(Clients.pluginToolNames(client).contains("example_echo"), "a copy elsewhere serves");
        }

        try (Stream<Path> jars = Files.list(system)) {
            for (Path fileInstall : jars.filter(jar -> jar.getFileName().toString().contains("fileinstall")).toList()) {
                Files.delete(fileInstall);
            }
        }
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--system-bundles", system.toString())) {
            runtime.awaitStderr(Pattern.compile("mcp-runtime could not start: No org.apache.felix.fileinstall bundle in "
                    + Pattern.quote(system.toString())), Duration.ofSeconds(30));
            assertNotEquals(0, runtime.awaitExit(Duration.ofSeconds(20)), "the folder it was given lacks FileInstall");
            assertTrue(runtime.stderr().stream().noneMatch(line -> line.startsWith("\tat ")), "a stack trace: "
                    + runtime.stderr());
        }
    }

    /** The folder's events (inotify) have it scanned as soon as a change settles, not at the next poll. */
    @Test
    void aDroppedJarAndItsDeletionAreSeenWithoutWaitingForThePoll() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(),
                "--plugin-poll-ms", Long.toString(LONG_POLL.toMillis()));
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            long dropped = System.nanoTime();
            Fixtures.drop("greeter.jar", plugins.path(), "greeter.jar");
            Await.until(() -> Clients.pluginToolNames(client), names -> names.contains("greeter_hello"),
                    LONG_POLL, "the greeter served");
            Duration took = Duration.ofNanos(System.nanoTime() - dropped);
            assertTrue(took.compareTo(LONG_POLL.dividedBy(4)) < 0, "served only after " + took.toMillis() + " ms");

            long deleted = System.nanoTime();
            Files.delete(plugins.path().resolve("greeter.jar"));
            Await.until(() -> Clients.pluginToolNames(client), names -> !names.contains("greeter_hello"), LONG_POLL,
                    "the greeter gone");
            took = Duration.ofNanos(System.nanoTime() - deleted);
            assertTrue(took.compareTo(LONG_POLL.dividedBy(4)) < 0, "gone only after " + took.toMillis() + " ms");
        }
    }

    /** SIGTERM, then the exit code. */
    private static int stopped(RuntimeProcess runtime) throws InterruptedException {
        runtime.terminate();
        return runtime.awaitExit(Duration.ofSeconds(20));
    }

    private static List<Path> workDirs(Path tmp) throws Exception {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(file -> file.getFileName().toString().startsWith("mcp-runtime-")).toList();
        }
    }
}
