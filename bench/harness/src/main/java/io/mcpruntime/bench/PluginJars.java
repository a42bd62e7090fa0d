package io.mcpruntime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Distinct plugins made from one template jar: the same classes under another Bundle-SymbolicName and
 * MCP-Namespace, so each is a separate bundle whose tools carry their own prefix ({@code <namespace>_t01}...).
 */
public final class PluginJars {
    private PluginJars() {
    }

    public static Path variant(Path template, String namespace, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(template))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.put(new Attributes.Name("Bundle-SymbolicName"), "io.mcpruntime.bench." + namespace);
            main.put(new Attributes.Name("MCP-Namespace"), namespace);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                }
            }
        }
        return target;
    }
}
