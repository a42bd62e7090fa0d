package io.mcpruntime.runtime.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Puts uploaded jars into the plugins folder the way a careful operator would: the upload is received into a
 * temporary file outside the folder (a slow upload is never seen half-written), copied next to its place under a
 * hidden name, and moved onto its name atomically, so FileInstall sees the whole jar at once and runs the same
 * checks on it as on a jar dropped by hand.
 */
final class PluginFolderWriter {
    private static final Pattern JAR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.jar");

    private final Path folder;
    private final long maxBytes;

    PluginFolderWriter(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** A bad name (a path, not a jar, hidden): thrown with the reason the operator reads. */
    static final class RefusedUpload extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedUpload(String reason) {
            super(reason);
        }
    }

    /** The folder's file of that name, if the name is a plain jar file name. */
    Path file(String name) throws RefusedUpload {
        if (name == null || !JAR_NAME.matcher(name).matches()) {
            throw new RefusedUpload("The file name must be a plain jar name (letters, digits, '.', '_', '-', "
                    + "ending in .jar), not '" + (name == null ? "" : name) + "'");
        }
        return folder.resolve(name);
    }

    /**
     * Writes the jar (replacing one of the same name); returns its size. It is received into a hidden file of its own
     * beside the target (two uploads of one name never share it) and moved over the target in one step, so the
     * folder never holds part of a jar under a jar's name, and nothing is left behind when the upload fails.
     */
    long write(String name, InputStream body) throws RefusedUpload, IOException {
        Path target = file(name);
        Path staged = Files.createTempFile(folder, "." + name + ".", ".uploading");
        try {
            long size;
            try (var out = Files.newOutputStream(staged)) {
                size = body.transferTo(new BoundedStream(out, maxBytes));
            }
            if (size == 0) {
                throw new RefusedUpload("The upload is empty");
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return size;
        } catch (BoundedStream.TooLarge e) {
            throw new RefusedUpload("The jar is larger than " + maxBytes / (1024 * 1024) + " MiB");
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Deletes the jar; FileInstall then uninstalls its plugin. */
    void remove(String name) throws RefusedUpload, IOException {
        try {
            Files.delete(file(name));
        } catch (NoSuchFileException e) {
            throw new RefusedUpload("There is no plugin file '" + name + "'");
        }
    }
}
