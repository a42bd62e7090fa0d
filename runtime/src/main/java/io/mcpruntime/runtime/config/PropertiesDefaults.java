package io.mcpruntime.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Settings from {@code conf/runtime.properties} (key = the long option without dashes, e.g. {@code port=9090}).
 * Precedence: command-line flag, then the option's {@code MCP_*} environment variable, then this file, then the
 * built-in default. The environment wins over the file, so this provider steps aside when the variable is set.
 */
public final class PropertiesDefaults implements CommandLine.IDefaultValueProvider {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Z0-9_]+)");

    private final Properties properties = new Properties();

    public PropertiesDefaults(Path file) {
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        String variable = environmentVariable(option);
        if (variable != null && System.getenv(variable) != null) {
            return null; // the annotation's ${env:...} default applies
        }
        return properties.getProperty(option.longestName().replaceFirst("^-+", ""));
    }

    /** The MCP_* variable the option's annotation default reads (picocli only shows defaults interpolated). */
    public static String environmentVariable(CommandLine.Model.OptionSpec option) {
        if (!(option.userObject() instanceof Field field) || field.getAnnotation(CommandLine.Option.class) == null) {
            return null;
        }
        Matcher env = ENV.matcher(field.getAnnotation(CommandLine.Option.class).defaultValue());
        return env.find() ? env.group(1) : null;
    }
}
