package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one unlabelled gauge or counter from the runtime's Prometheus scrape. */
final class Metrics {
    private Metrics() {
    }

    static int value(URI endpoint, String name) throws Exception {
        Pattern pattern = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\d+)");
        Matcher matcher = pattern.matcher(OpsIT.get(endpoint.resolve("/metrics")).body());
        assertTrue(matcher.find(), name + " missing from /metrics");
        return Integer.parseInt(matcher.group(1));
    }

    /** Polls until the value satisfies {@code wanted}; fails with the last value seen after {@code millis}. */
    static int await(URI endpoint, String name, IntPredicate wanted, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        int value;
        while (!wanted.test(value = value(endpoint, name)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(wanted.test(value), name + " stayed at " + value);
        return value;
    }
}
