package io.mcpruntime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The kernel's system bundles (SCR, ConfigAdmin, FileInstall and what they need), which the build puts inside the
 * kit's jar as resources rather than on the test class path: a plugin project needs nothing but the kit dependency,
 * and the bundles' classes never mix with the test's. Unpacked once per JVM.
 */
final class SystemBundles {
    private static final String FOLDER = "io/mcpruntime/testing/system/";
    private static Path unpacked;

    private SystemBundles() {
    }

    /** A folder holding the system bundles, for {@code --system-bundles}. */
    static synchronized Path folder() {
        if (unpacked == null) {
            Path target = TempFolders.createForJvm("mcp-kit-system-");
            try {
                unpack(target);
                unpacked = target;
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("Cannot unpack the kernel's system bundles", e);
            }
        }
        return unpacked;
    }

    /** From the kit's jar, or from its classes folder when the kit itself is built in the same reactor. */
    private static void unpack(Path target) throws IOException, URISyntaxException {
        Path source = Path.of(SystemBundles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(source)) {
            try (Stream<Path> jars = Files.list(source.resolve(FOLDER))) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, target.resolve(jar.getFileName()));
                }
            }
            return;
        }
        try (JarFile kit = new JarFile(source.toFile())) {
            for (Enumeration<JarEntry> entries = kit.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(FOLDER) && entry.getName().endsWith(".jar")) {
                    try (InputStream in = kit.getInputStream(entry)) {
                        Files.copy(in, target.resolve(entry.getName().substring(FOLDER.length())));
                    }
                }
            }
        }
    }
}
