package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runtime's Prometheus scrape, and one gauge or counter in it (its name with its labels, if it has any). */
final class Metrics {
    private Metrics() {
    }

    static String scrape(URI endpoint) throws Exception {
        return RawHttp.get(endpoint.resolve("/metrics")).body();
    }

    static int value(URI endpoint, String name) throws Exception {
        Integer value = find(scrape(endpoint), name);
        assertTrue(value != null, name + " missing from /metrics");
        return value;
    }

    /**
     * Polls until the value satisfies {@code wanted}; fails with the last value seen after {@code millis}. A counter
     * that was never incremented is not in the scrape yet: it is waited for like any other value.
     */
    static int await(URI endpoint, String name, IntPredicate wanted, long millis) throws Exception {
        return Await.until(() -> find(scrape(endpoint), name), value -> value != null && wanted.test(value),
                Duration.ofMillis(millis), name + " as wanted");
    }

    private static Integer find(String scrape, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\d+)").matcher(scrape);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : null;
    }
}
