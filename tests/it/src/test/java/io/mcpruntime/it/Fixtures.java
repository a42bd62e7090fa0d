package io.mcpruntime.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The plugin jars the tests drop, as built by the reactor, and variants made from them. */
final class Fixtures {
    private Fixtures() {
    }

    static Path file(String name) {
        return Path.of(System.getProperty("fixtures.dir")).resolve(name);
    }

    /** Copies a fixture into the plugins folder under the given name, the way a person would with cp. */
    static Path drop(String fixture, Path plugins, String as) throws IOException {
        return Files.copy(file(fixture), plugins.resolve(as), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A new plugins folder with memory.jar, configured to keep its index in a new data folder of its own. */
    static Path memoryPlugins() throws IOException {
        Path plugins = Files.createTempDirectory("memory-plugins");
        drop("memory.jar", plugins, "memory.jar");
        Files.writeString(plugins.resolve("io.mcpruntime.memory.cfg"),
                "dataDir = " + Files.createTempDirectory("memory-data") + "\n");
        return plugins;
    }

    /** The same jar with another Bundle-Version: an update of the plugin, as its next release would be. */
    static Path withBundleVersion(String fixture, String version, Path target) throws IOException {
        return withHeaders(fixture, Map.of("Bundle-Version", version), target);
    }

    /** The same jar with some manifest headers replaced, e.g. another symbolic name: another plugin. */
    static Path withHeaders(String fixture, Map<String, String> headers, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(file(fixture)))) {
            Manifest manifest = new Manifest(in.getManifest());
            headers.forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                }
            }
        }
        return target;
    }

    /** A well-formed jar whose manifest has no OSGi headers at all. */
    static Path plainJar(Path target) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write("not a plugin".getBytes());
        }
        return target;
    }

    /** Bytes that are not a zip file at all, named like a jar. */
    static Path corruptJar(Path target) throws IOException {
        return Files.writeString(target, "this is not a zip archive");
    }
}
