package io.mcpruntime.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The packaged archive, unpacked once per test JVM with the system's tar (as a user would). */
final class Distribution {
    private static Path home;

    private Distribution() {
    }

    static synchronized Path home() throws IOException, InterruptedException {
        if (home == null) {
            home = unpack(Path.of(System.getProperty("dist.dir")));
        }
        return home;
    }

    /** A copy of its own, for a test that changes the distribution's files. */
    static Path unpack(Path target) throws IOException, InterruptedException {
        Files.createDirectories(target);
        Process tar = new ProcessBuilder("tar", "-xzf", Fixtures.file("mcp-runtime.tar.gz").toString(),
                "-C", target.toString(), "--strip-components=1").inheritIO().start();
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar could not unpack the distribution");
        }
        return target;
    }

    static Path launcher() throws IOException, InterruptedException {
        return home().resolve("bin/mcp-runtime");
    }
}
