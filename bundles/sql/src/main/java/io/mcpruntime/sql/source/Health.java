package io.mcpruntime.sql.source;

import java.time.Instant;

/**
 * What is known of a source's database: from the last call or probe that reached it, or failed to.
 *
 * @param checkedAt when it was learnt, or {@code null} before the first contact
 */
public record Health(State state, String message, Instant checkedAt) {

    static Health unknown() {
        return new Health(State.UNKNOWN, "not contacted yet (connections are made on first use)", null);
    }

    static Health up() {
        return new Health(State.UP, "answering", Instant.now());
    }

    static Health down(String why) {
        return new Health(State.DOWN, why, Instant.now());
    }

    /** UNKNOWN until first contact: a source is never contacted just because the plugin started. */
    public enum State { UNKNOWN, UP, DOWN }
}
