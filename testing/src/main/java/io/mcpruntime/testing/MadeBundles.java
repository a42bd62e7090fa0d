package io.mcpruntime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bundles bnd made in this JVM, by what they were made from: a plugin deployed by many tests (a kit per test)
 * is made once, which matters for a plugin with embedded libraries (seconds of bnd each time). The test class path
 * is fixed for the JVM; a classes folder is known by its files' count, size and newest change, so classes compiled
 * again during the run make a new bundle.
 */
final class MadeBundles {

    private static final Map<String, Path> MADE = new HashMap<>();
    private static Path folder;

    private MadeBundles() {
    }

    /** The bundle of these packages on the test class path. */
    static Path ofPackages(List<String> packages) throws Exception {
        return made("packages " + packages, target -> BndBundles.fromPackages(packages, target));
    }

    /** The bundle of a classes folder with its bnd instructions, as they are now. */
    static Path ofClasses(Path classes, Path bndFile) throws Exception {
        return made("classes " + state(classes) + " bnd " + state(bndFile),
                target -> BndBundles.fromClasses(classes, bndFile, target));
    }

    private static synchronized Path made(String origin, PluginJar.Source bnd) throws Exception {
        Path bundle = MADE.get(origin);
        if (bundle == null) {
            if (folder == null) {
                folder = TempFolders.createForJvm("mcp-kit-bundles-");
            }
            bundle = folder.resolve(MADE.size() + ".jar");
            bnd.writeTo(bundle);
            MADE.put(origin, bundle);
        }
        return bundle;
    }

    /** A file or folder's path, file count, bytes and newest change; just the path if it does not exist. */
    private static String state(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            return absolute.toString();
        }
        long files = 0;
        long bytes = 0;
        long newest = 0;
        try (Stream<Path> paths = Files.walk(absolute)) {
            for (Path file : paths.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                files++;
                bytes += attributes.size();
                newest = Math.max(newest, attributes.lastModifiedTime().toMillis());
            }
        }
        return absolute + " " + files + " " + bytes + " " + newest;
    }
}
