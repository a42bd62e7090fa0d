package io.mcpruntime.runtime.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFolderWriterTest {
    @TempDir
    Path root;

    @Test
    void writesTheWholeJarUnderItsNameAndLeavesNothingElse() throws Exception {
        Path folder = Files.createDirectory(root.resolve("plugins"));
        PluginFolderWriter writer = new PluginFolderWriter(folder, 1024);
        Files.write(folder.resolve("a.jar"), new byte[] {9});

        assertEquals(3, writer.write("a.jar", new ByteArrayInputStream(new byte[] {1, 2, 3})));

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(folder.resolve("a.jar")));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("a.jar")), files.toList());
        }
    }

    @Test
    void refusesNamesThatAreNotPlainJarNames() {
        PluginFolderWriter writer = new PluginFolderWriter(root, 1024);
        for (String name : new String[] {"../x.jar", "sub/x.jar", ".hidden.jar", "x.cfg", "x.jar/", "", "x .jar"}) {
            PluginFolderWriter.RefusedUpload refused = assertThrows(PluginFolderWriter.RefusedUpload.class,
                    () -> writer.write(name, new ByteArrayInputStream(new byte[] {1})), name);
            assertTrue(refused.getMessage().contains("plain jar name"), refused.getMessage());
        }
        assertFalse(Files.exists(root.resolveSibling("x.jar")));
    }

    @Test
    void refusesEmptyAndTooLargeUploadsWithoutTouchingTheFolder() throws Exception {
        Path folder = Files.createDirectory(root.resolve("plugins"));
        PluginFolderWriter writer = new PluginFolderWriter(folder, 1024 * 1024);
        assertThrows(PluginFolderWriter.RefusedUpload.class,
                () -> writer.write("a.jar", new ByteArrayInputStream(new byte[0])));
        PluginFolderWriter.RefusedUpload tooLarge = assertThrows(PluginFolderWriter.RefusedUpload.class,
                () -> writer.write("a.jar", new ByteArrayInputStream(new byte[1024 * 1024 + 1])));
        assertTrue(tooLarge.getMessage().contains("larger than 1 MiB"), tooLarge.getMessage());
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void anUploadCutOffLeavesTheFolderAsItWas() throws Exception {
        Path folder = Files.createDirectory(root.resolve("plugins"));
        PluginFolderWriter writer = new PluginFolderWriter(folder, 1024);
        Files.write(folder.resolve("a.jar"), new byte[] {9});
        InputStream cutOff = new SequenceInputStream(new ByteArrayInputStream(new byte[] {1, 2}), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the client went away");
            }
        });

        assertThrows(IOException.class, () -> writer.write("a.jar", cutOff));

        assertArrayEquals(new byte[] {9}, Files.readAllBytes(folder.resolve("a.jar")));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("a.jar")), files.toList());
        }
    }

    @Test
    void removingAMissingJarSaysSo() {
        PluginFolderWriter writer = new PluginFolderWriter(root, 1024);
        PluginFolderWriter.RefusedUpload refused = assertThrows(PluginFolderWriter.RefusedUpload.class,
                () -> writer.remove("gone.jar"));
        assertTrue(refused.getMessage().contains("no plugin file 'gone.jar'"), refused.getMessage());
    }
}
