package io.mcpruntime.testing;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Makes plugin bundles with bnd, the tool the plugin's own build uses: the manifest and the Declarative Services
 * descriptors come from the annotations and the project's {@code bnd.bnd}, so the bundle is the one {@code mvn
 * package} would make, available before {@code package} has run. The test class path is bnd's class path, for
 * import versions and for {@code -conditionalpackage}.
 */
final class BndBundles {
    private BndBundles() {
    }

    /** The bundle of a compiled project: its classes folder and, if the file exists, its bnd instructions. */
    static void fromClasses(Path classes, Path bndFile, Path target) throws Exception {
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("No classes at " + classes.toAbsolutePath() + ": compile the plugin first");
        }
        try (Builder builder = builder(bndFile)) {
            Jar content = new Jar(classes.getFileName().toString(), classes.toFile());
            content.remove(JarFile.MANIFEST_NAME); // a stale manifest from an earlier build would win over bnd's
            builder.setJar(content);
            if (builder.getProperty(Constants.BUNDLE_SYMBOLICNAME) == null) {
                builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, projectName(classes));
            }
            build(builder, target, classes.toString());
        }
    }

    /** A bundle of the named packages, found on the test class path: plugins kept among a project's test sources. */
    static void fromPackages(List<String> packages, Path target) throws Exception {
        try (Builder builder = builder(null)) {
            builder.setProperty(Constants.PRIVATEPACKAGE, String.join(",", packages));
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, packages.get(0));
            build(builder, target, "packages " + packages);
        }
    }

    private static Builder builder(Path bndFile) throws Exception {
        Builder builder = new Builder();
        if (bndFile != null && Files.isRegularFile(bndFile)) {
            builder.setProperties(bndFile.toFile());
        } else {
            builder.setBase(new File("").getAbsoluteFile());
        }
        builder.setProperty(Constants.DSANNOTATIONS, builder.getProperty(Constants.DSANNOTATIONS, "*"));
        builder.setClasspath(testClassPath());
        return builder;
    }

    private static File[] testClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(File::new).filter(File::exists).toArray(File[]::new);
    }

    private static void build(Builder builder, Path target, String what) throws Exception {
        Jar bundle = builder.build();
        if (!builder.isOk()) {
            throw new IllegalStateException("bnd could not make a bundle of " + what + ": " + builder.getErrors());
        }
        bundle.write(target.toFile());
    }

    /** The project folder's name, for a classes folder at {@code <project>/target/classes}. */
    static String projectName(Path classes) {
        Path project = classes.toAbsolutePath().normalize().getParent();
        project = project == null ? null : project.getParent();
        return project == null || project.getFileName() == null ? "plugin" : project.getFileName().toString();
    }
}
