package io.mcpruntime.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The kernel's watched plugins folder. Files appear in it whole (written beside it, then moved in), the way a
 * deployment tool should copy them: FileInstall never sees half a jar.
 */
final class PluginFolder {
    private final Path folder;
    private final Path staging;

    PluginFolder(Path root) {
        this.folder = root.resolve("plugins");
        this.staging = root.resolve("staging");
        try {
            Files.createDirectories(folder);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return folder;
    }

    /** Makes the plugin's jar beside the folder, for {@link #moveIn} once it is checked. */
    Path stage(PluginJar jar, String fileName) {
        Path staged = staging.resolve(fileName);
        try {
            Files.deleteIfExists(staged);
            jar.writeTo(staged);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the plugin jar " + fileName + ": " + e.getMessage(), e);
        }
        return staged;
    }

    /**
     * Writes {@code <pid>.cfg} ({@code <factoryPid>-<name>.cfg} for a factory configuration), which FileInstall
     * hands to ConfigAdmin. Values are written as text; Declarative Services converts them to the types of the
     * component's configuration annotation.
     */
    void putConfiguration(String pid, Map<String, ?> properties) {
        Properties file = new Properties();
        properties.forEach((key, value) -> file.setProperty(key, String.valueOf(value)));
        StringWriter text = new StringWriter();
        try {
            file.store(text, "set by the mcp-runtime test kit");
            moveIn(Files.writeString(staging.resolve(pid + ".cfg"), text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #putConfiguration} writes the configuration of this PID. */
    Path configuration(String pid) {
        return folder.resolve(pid + ".cfg").toAbsolutePath().normalize();
    }

    /**
     * The file a location names: a bundle's location or a configuration's {@code felix.fileinstall.filename}, both
     * {@code file:} URIs when FileInstall took them from a folder; null for other locations.
     */
    static Path fileAt(Object location) {
        return Objects.toString(location, "").startsWith("file:")
                ? Path.of(URI.create(location.toString())).toAbsolutePath().normalize() : null;
    }

    void delete(String fileName) {
        try {
            Files.deleteIfExists(folder.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a staged file into the folder, replacing the file of that name. */
    Path moveIn(Path staged) {
        try {
            return Files.move(staged, folder.resolve(staged.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
