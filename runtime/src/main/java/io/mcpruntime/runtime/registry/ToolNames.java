package io.mcpruntime.runtime.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Full tool (and prompt) names: {@code namespace_name}, kept within what clients accept
 * ({@code ^[a-zA-Z0-9_-]{1,64}$}).
 * Other characters become {@code _}; a longer name is cut and ends with a hash of the full name, so the result is
 * deterministic and distinct.
 */
public final class ToolNames {
    static final int MAX_LENGTH = 64;
    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final int HASH_LENGTH = 8;

    private ToolNames() {
    }

    public static String qualify(String namespace, String localName) {
        String full = INVALID.matcher(namespace + "_" + localName).replaceAll("_");
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        return full.substring(0, MAX_LENGTH - HASH_LENGTH - 1) + "_" + hash(full);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
