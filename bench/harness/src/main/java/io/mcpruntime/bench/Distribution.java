package io.mcpruntime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The runtime's packaged archive, unpacked afresh with the system's tar, as a user installs it. */
final class Distribution {
    private static final String EXAMPLE_PLUGIN = "example.jar";
    static final String SHIPPED_PLUGINS = "shipped-plugins";

    private Distribution() {
    }

    /**
     * Unpacks the archive and leaves only the example plugin in plugins/: the distribution also ships the SQL
     * plugin, whose demo database would weigh on the runtime's memory, while the peer serves one echo tool. All the
     * plugins it ships stay in shipped-plugins/, for the cold start (which the goal sets with the bundled plugins).
     */
    static Path unpack(Path archive, Path target) throws IOException, InterruptedException {
        deleteRecursively(target);
        Files.createDirectories(target);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", target.toString(),
                "--strip-components=1").inheritIO().start();
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar could not unpack " + archive);
        }
        Path shipped = Files.createDirectories(target.resolve(SHIPPED_PLUGINS));
        try (Stream<Path> plugins = Files.list(target.resolve("plugins"))) {
            for (Path plugin : plugins.toList()) {
                Files.copy(plugin, shipped.resolve(plugin.getFileName()));
            }
        }
        try (Stream<Path> plugins = Files.list(target.resolve("plugins"))) {
            for (Path plugin : plugins.filter(p -> !p.getFileName().toString().equals(EXAMPLE_PLUGIN)).toList()) {
                Files.delete(plugin);
            }
        }
        return target;
    }

    /** Runs the distribution's bin/mcp-runtime-cds, which writes the class data sharing archive into lib/. */
    static Path withArchive(Path home) throws IOException, InterruptedException {
        Process cds = new ProcessBuilder("sh", home.resolve("bin/mcp-runtime-cds").toString()).inheritIO().start();
        if (!cds.waitFor(120, TimeUnit.SECONDS) || cds.exitValue() != 0) {
            throw new IOException("bin/mcp-runtime-cds failed");
        }
        return home;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
