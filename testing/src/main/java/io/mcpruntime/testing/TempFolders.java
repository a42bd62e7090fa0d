package io.mcpruntime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders the kit creates and removes again. */
final class TempFolders {
    private TempFolders() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }

    /** A folder for the whole test run, removed when the JVM exits. */
    static Path createForJvm(String prefix) {
        Path folder = create(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "mcp-kit-cleanup"));
        return folder;
    }
}
