package io.mcpruntime.sql.guard;

/**
 * Whether a statement may run, and if not, why (said to the client as is).
 *
 * @param reason {@code null} when allowed
 */
public record Verdict(boolean allowed, String reason) {

    static Verdict allow() {
        return new Verdict(true, null);
    }

    static Verdict refuse(String reason) {
        return new Verdict(false, reason);
    }
}
