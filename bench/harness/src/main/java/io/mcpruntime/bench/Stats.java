package io.mcpruntime.bench;

import java.util.Collection;
import java.util.List;

/** Order statistics over repeated measurements (nearest rank). */
public final class Stats {
    private Stats() {
    }

    public static double median(Collection<Double> values) {
        return quantile(values, 0.5);
    }

    public static double quantile(Collection<Double> values, double q) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    /** "min–max over n", for the note column. */
    public static String spread(Collection<Double> values, String unit) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        String digits = max < 10 ? "%.2f" : "%.0f"; // sub-millisecond latencies would all read 0–0
        return String.format(java.util.Locale.ROOT, digits + "–" + digits + " %s over %d", min, max, unit,
                values.size());
    }
}
