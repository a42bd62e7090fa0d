package io.mcpruntime.runtime.framework;

import io.mcpruntime.api.McpPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The packages the host class path exports into the framework: exactly the plugin API and SLF4J, each with the
 * versions its own jar's manifest declares. Nothing else of the kernel (SDK, Jetty, Jackson) is visible to plugins.
 */
final class HostExports {
    /** Libraries such as HikariCP still import SLF4J as [1.6,2); the 2.x API is compatible for them. */
    private static final String SLF4J_1_COMPAT = "org.slf4j;version=\"1.7.36\"";

    private HostExports() {
    }

    static String packages() {
        return String.join(",",
                exportPackageOf(McpPlugin.class),
                exportPackageOf(org.slf4j.Logger.class),
                SLF4J_1_COMPAT);
    }

    /** The Export-Package header of the jar (or classes folder) that holds the class. */
    static String exportPackageOf(Class<?> type) {
        String header = manifestOf(type).getMainAttributes().getValue("Export-Package");
        if (header == null) {
            throw new IllegalStateException(type.getName() + " comes from a jar without Export-Package");
        }
        return header;
    }

    private static Manifest manifestOf(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.getManifest();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest that holds " + type.getName(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
