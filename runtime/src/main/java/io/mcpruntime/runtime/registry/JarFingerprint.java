package io.mcpruntime.runtime.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;

/** The jar a bundle was installed from and its SHA-256, computed once per bundle revision (or file version). */
public final class JarFingerprint {
    private final Map<String, String> sums = new ConcurrentHashMap<>();

    /** The jar's file name, or the bundle location if it is not a file. */
    static String jar(Bundle bundle) {
        Path file = file(bundle);
        return file == null ? bundle.getLocation() : file.getFileName().toString();
    }

    String sha256(Bundle bundle) {
        Path file = file(bundle);
        if (file == null) {
            return "unknown";
        }
        return sums.computeIfAbsent(bundle.getBundleId() + "@" + bundle.getLastModified(), key -> digest(file));
    }

    /** The SHA-256 of a jar in the plugins folder, computed again only when the file changed. */
    public String sha256(Path file) {
        try {
            String version = file + "@" + Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file);
            return sums.computeIfAbsent(version, key -> digest(file));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static Path file(Bundle bundle) {
        String location = bundle.getLocation();
        return location != null && location.startsWith("file:") ? Path.of(URI.create(location)) : null;
    }

    private static String digest(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }
}
