package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
    }

    @Test
    void versionAndHelp() throws Exception {
        assertTrue(run("--version").startsWith("mcp-runtime "));
        String help = run("--help");
        for (String option : new String[] {"--stdio", "--http", "--host", "--port", "--plugins", "MCP_PORT"}) {
            assertTrue(help.contains(option), "--help does not mention " + option + ":\n" + help);
        }
    }

    private static String run(String argument) throws Exception {
        Process process = new ProcessBuilder(Distribution.launcher().toString(), argument)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
