package io.mcpruntime.sql.source;

import java.time.Duration;
import java.util.function.Function;

/** Typed reads of a source's text settings, with errors that name the key. */
final class Values {
    private final Function<String, String> lookup;

    Values(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    String text(String key) {
        return lookup.apply(key);
    }

    String required(String key) {
        String value = text(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value;
    }

    boolean bool(String key) {
        String value = required(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    int positiveInt(String key) {
        return (int) Math.min(Integer.MAX_VALUE, positiveLong(key));
    }

    long positiveLong(String key) {
        return (long) positive(key);
    }

    /** Seconds, fractions allowed ({@code 0.5}). */
    Duration seconds(String key) {
        return Duration.ofMillis(Math.round(positive(key) * 1000));
    }

    double fraction(String key) {
        double value = positive(key);
        if (value > 1) {
            throw new IllegalArgumentException(key + " must be between 0 and 1, not " + value);
        }
        return value;
    }

    private double positive(String key) {
        String value = required(key);
        try {
            double number = Double.parseDouble(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive number, not '" + value + "'");
    }
}
