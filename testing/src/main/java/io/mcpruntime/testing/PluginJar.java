package io.mcpruntime.testing;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin to deploy: a jar that was built, this project's compiled classes, or packages on the test class path.
 * Bundles are made with bnd when first deployed, once per JVM unless the classes change, so a test sees the current
 * classes. Immutable; the {@code with...} methods return changed copies, e.g.
 * {@code PluginJar.fromClasses().withHeader("Bundle-Version", "2.0.0")}.
 */
public final class PluginJar {

    /** Writes the jar to a path. */
    @FunctionalInterface
    interface Source {
        void writeTo(Path target) throws Exception;
    }

    private final Source source;
    private final String fileName;
    private final Map<String, String> headers;

    private PluginJar(Source source, String fileName, Map<String, String> headers) {
        this.source = source;
        this.fileName = fileName;
        this.headers = headers;
    }

    /** A jar built already, e.g. {@code target/my-plugin-1.0.0.jar}. */
    public static PluginJar of(Path jar) {
        return new PluginJar(target -> Files.copy(jar, target), jar.getFileName().toString(), Map.of());
    }

    /**
     * The jar on the test class path that holds this class, e.g. a library bundle the plugin imports:
     * {@code PluginJar.containing(org.h2.Driver.class)}.
     */
    public static PluginJar containing(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(type.getName() + " is not loaded from a jar (" + jar + ")");
            }
            return of(jar);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot locate the jar of " + type.getName(), e);
        }
    }

    /**
     * This project's plugin as {@code mvn package} would make it, from {@code target/classes} and {@code bnd.bnd} in
     * the project folder (Maven's {@code basedir}, else the working directory), so tests run before the jar exists.
     */
    public static PluginJar fromClasses() {
        Path project = Path.of(System.getProperty("basedir", ""));
        return fromClasses(project.resolve("target/classes"), project.resolve("bnd.bnd"));
    }

    /** A plugin from a classes folder and bnd instructions (a {@code bnd.bnd}; used only if it exists). */
    public static PluginJar fromClasses(Path classes, Path bndFile) {
        return new PluginJar(target -> Files.copy(MadeBundles.ofClasses(classes, bndFile), target),
                BndBundles.projectName(classes) + ".jar", Map.of());
    }

    /**
     * A plugin made of these packages from the test class path (their components found by their annotations),
     * with the first package as its symbolic name: small plugins kept among a project's test sources.
     */
    public static PluginJar fromPackages(String... packages) {
        List<String> names = List.of(packages);
        return new PluginJar(target -> Files.copy(MadeBundles.ofPackages(names), target), packages[0] + ".jar",
                Map.of());
    }

    /** The same plugin with a manifest header set, e.g. {@code Bundle-Version} or {@code MCP-Namespace}. */
    public PluginJar withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return new PluginJar(source, fileName, changed);
    }

    /** The same plugin under another file name in the plugins folder. */
    public PluginJar withFileName(String name) {
        return new PluginJar(source, name, headers);
    }

    String fileName() {
        return fileName;
    }

    /** Makes the jar at the target path. */
    void writeTo(Path target) throws Exception {
        source.writeTo(target);
        if (!headers.isEmpty()) {
            ManifestHeaders.replace(target, headers);
        }
    }
}
