package io.mcpruntime.bench.report;

/**
 * One row of the results: a measured value for the runtime and, where there is one, for the peer in the same run.
 *
 * @param peer null where the peer has no counterpart (hot deploy)
 * @param goal the goal in words, or null
 * @param met whether the goal is met, or null where there is no goal
 * @param note anything the numbers alone do not say (stalls, failures, spread), or null
 */
public record Figure(String group, String metric, String unit, Double runtime, Double peer, String goal, Boolean met,
        String note) {

    /** runtime / peer, or null without two measured values (a zero, such as no stalls, has no meaningful ratio). */
    public Double ratio() {
        if (peer == null || runtime == null || peer == 0 || runtime == 0) {
            return null;
        }
        double ratio = runtime / peer;
        return Double.isFinite(ratio) ? ratio : null;
    }

    public static Figure failed(String group, String what) {
        return new Figure(group, "(suite failed)", "", null, null, null, null, what);
    }
}
