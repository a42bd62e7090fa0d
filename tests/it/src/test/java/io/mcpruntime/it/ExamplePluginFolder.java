package io.mcpruntime.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A plugins folder of its own for each test, holding the example plugin as {@code example.jar} before the test
 * starts a server on it: {@code @RegisterExtension final ExamplePluginFolder plugins = new ExamplePluginFolder();}.
 */
final class ExamplePluginFolder implements BeforeEachCallback, AfterEachCallback {
    private Path path;

    /** The running test's folder, to pass to the server and to drop more jars into. */
    Path path() {
        return path;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        path = Files.createTempDirectory("plugins");
        Fixtures.drop("example.jar", path, "example.jar");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
