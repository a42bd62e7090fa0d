package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unpacked archive has the documented layout and its launcher answers --version and --help. */
class LauncherIT {

    @Test
    void archiveHasTheLayoutAndAnExecutableLauncher() throws Exception {
        Path home = Distribution.home();
        for (String dir : new String[] {"bin", "lib", "system", "plugins", "conf"}) {
            assertTrue(Files.isDirectory(home.resolve(dir)), dir + "/ is missing");
        }
        assertTrue(Files.isExecutable(home.resolve("bin/mcp-runtime")));
        assertTrue(Files.exists(home.resolve("plugins/example.jar")), "the bundled plugin ships in plugins/");
        Process tar = new ProcessBuilder("tar", "-tzf", Fixtures.file("mcp-runtime.tar.gz").toString()).start();
        String entries = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(30, TimeUnit.SECONDS) && entries.contains("/lib/"), entries);
        assertFalse(entries.contains("mcp-runtime.jsa"), "the archive ships the class data archive a start on the "
                + "build machine wrote (valid only there)");
    }

    @Test
    void versionAndHelp() throws Exception {
        assertTrue(run("--version").startsWith("mcp-runtime "));
        String help = run("--help");
        for (String option : new String[] {"--stdio", "--http", "--host", "--port", "--plugins", "MCP_PORT"}) {
            assertTrue(help.contains(option), "--help does not mention " + option + ":\n" + help);
        }
    }

    @Test
    void settingsComeFromFlagThenEnvironmentThenRuntimeProperties(@TempDir Path scratch) throws Exception {
        Path fromFile = Files.createDirectories(scratch.resolve("from-file"));
        Path fromEnv = Files.createDirectories(scratch.resolve("from-env"));
        Path properties = Files.writeString(scratch.resolve("runtime.properties"),
                "plugins=" + fromFile + "\nport=0\n");
        assertEquals(fromFile.toString(), pluginsFolder(Distribution.launcher(),
                Map.of("MCP_CONFIG", properties.toString())));
        assertEquals(fromEnv.toString(), pluginsFolder(Distribution.launcher(),
                Map.of("MCP_CONFIG", properties.toString(), "MCP_PLUGINS_DIR", fromEnv.toString())));
    }

    @Test
    void aStartWithoutAClassDataArchiveHasOneWrittenForTheStartsAfterIt(@TempDir Path scratch) throws Exception {
        Path home = Distribution.unpack(scratch.resolve("home"));
        Path archive = home.resolve("lib/mcp-runtime.jsa");
        Path launcher = home.resolve("bin/mcp-runtime");
        run(launcher, Map.of(), "--version");
        Await.until(() -> Files.exists(archive), written -> written, Duration.ofSeconds(120),
                "the archive written in the background");
        // an HTTP server's start: the archive, trained over HTTP, holds Jetty too
        Path classes = scratch.resolve("classes.log");
        pluginsFolder(launcher, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes, "MCP_PORT", "0"));
        String mapped = Files.readString(classes);
        assertTrue(mapped.contains("io.mcpruntime.runtime.Main source: shared objects file"),
                "the kernel's classes are not mapped from the archive");
        assertTrue(mapped.contains("org.eclipse.jetty.server.Server source: shared objects file"),
                "Jetty's classes are not mapped from the archive");

        // an upgrade unpacked over the old folder brings jars with their build's fixed timestamp, older than the
        // archive: it must still count as stale (the JVM would refuse it, with a warning at every start)
        Path jar = home.resolve("lib/mcp-runtime-api-" + System.getProperty("project.version") + ".jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 86_400_000L));
        Path staleClasses = scratch.resolve("stale-classes.log");
        String output = run(launcher, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + staleClasses, "MCP_CDS",
                "off"), "--version");
        String loads = Files.readString(staleClasses);
        assertTrue(loads.contains("io.mcpruntime.runtime.Main source: file:"), loads.lines().limit(5).toList()
                .toString());
        assertFalse(loads.contains("source: shared objects file (top)"), "an archive of other jars was mapped");
        assertFalse(output.contains("shared archive"), output);
    }

    /** The plugins folder the server reports at start with this environment; the server is then stopped. */
    private static String pluginsFolder(Path launcher, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            Pattern folder = Pattern.compile("plugins folder (\\S+):");
            for (String line; (line = stderr.readLine()) != null; ) {
                Matcher matcher = folder.matcher(line);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            throw new AssertionError("no startup report");
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static String run(String argument) throws Exception {
        return run(Distribution.launcher(), Map.of(), argument);
    }

    private static String run(Path launcher, Map<String, String> environment, String argument) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), argument).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
