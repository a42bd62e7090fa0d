package io.mcpruntime.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The release version, stamped into the kernel jar at build time. */
public final class RuntimeVersion {
    private static final String VERSION = load();

    private RuntimeVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = RuntimeVersion.class.getResourceAsStream("/mcp-runtime.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
