package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The ways to hand the kit a plugin: a project's classes folder with its bnd.bnd, a built jar. */
class PluginJarTest {
    @RegisterExtension
    static final McpKit kit = McpKit.builder().build();

    @TempDir
    Path project;

    @Test
    void wrapsAClassesFolderWithItsBndInstructions() throws Exception {
        Path classes = compiledGreeter(project.resolve("target/classes"));
        Files.writeString(classes.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nBundle-Name: stale\n");
        Files.writeString(project.resolve("bnd.bnd"), "Bundle-SymbolicName: hello.classes\nMCP-Namespace: hello\n");

        Plugin hello = kit.deploy(PluginJar.fromClasses(classes, project.resolve("bnd.bnd")));
        assertEquals("hello.classes", hello.symbolicName());
        kit.client().callTool("hello_greet", Map.of("name", "Ann")).assertText("Hello, Ann!");
        hello.remove();
    }

    @Test
    void deploysABuiltJar() throws Exception {
        Path jar = project.resolve("greeter-1.0.0.jar");
        Fixtures.greeter().withHeader("MCP-Namespace", "built").writeTo(jar);

        Plugin built = kit.deploy(PluginJar.of(jar));
        assertEquals("greeter-1.0.0.jar", built.fileName());
        assertEquals(List.of("built_greet"), kit.client().toolNames());
        built.remove();
    }

    @Test
    void deploysTwoVariantsOfAPluginSideBySide() {
        Plugin first = kit.deploy(Fixtures.greeter());
        Plugin second = kit.deploy(Fixtures.greeter().withFileName("other-greeter.jar")
                .withHeader("Bundle-SymbolicName", "other.greeter").withHeader("MCP-Namespace", "other"));
        assertEquals(List.of("greeter_greet", "other_greet"), kit.client().toolNames().stream().sorted().toList());
        first.remove();
        second.remove();
    }

    @Test
    void aBundleWithoutComponentsDeploysOnceResolved() {
        Plugin library = kit.deploy(PluginJar.fromPackages(Fixtures.LIBRARY));
        assertEquals(Fixtures.LIBRARY, library.symbolicName());
        assertTrue(Files.exists(kit.pluginsFolder().resolve(library.fileName())));
        library.remove();
        assertFalse(Files.exists(kit.pluginsFolder().resolve(library.fileName())));
    }

    @Test
    void deploysALibraryBundleFromTheTestClassPath() {
        Plugin jackson = kit.deploy(PluginJar.containing(JsonFactory.class));
        assertEquals("com.fasterxml.jackson.core.jackson-core", jackson.symbolicName());
        jackson.remove();
    }

    @Test
    void refusesAJarThatIsNotABundle() throws Exception {
        Path plain = project.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        new JarOutputStream(Files.newOutputStream(plain), manifest).close();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> kit.deploy(PluginJar.of(plain)));
        assertEquals("plain.jar is not a plugin: it has no Bundle-SymbolicName (build it with bnd, see "
                + "docs/PLUGINS.md)", refused.getMessage());
    }

    /** A classes folder as the compiler leaves it: the greeter fixture's class files, copied from the test classes. */
    private static Path compiledGreeter(Path classes) throws Exception {
        String folder = Fixtures.GREETER.replace('.', '/');
        Path compiled = Path.of(PluginJarTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(folder);
        Files.createDirectories(classes.resolve(folder));
        Files.createDirectories(classes.resolve("META-INF"));
        try (Stream<Path> files = Files.list(compiled)) {
            for (Path file : files.toList()) {
                Files.copy(file, classes.resolve(folder).resolve(file.getFileName()));
            }
        }
        return classes;
    }
}
