package io.mcpruntime.runtime.ops;

/** Where the runtime is in its life: readiness and the refusal of new requests while it drains follow from it. */
public final class Lifecycle {

    /** The phases, in order. */
    public enum Phase { STARTING, READY, DRAINING, STOPPED }

    private volatile Phase phase = Phase.STARTING;

    public Phase phase() {
        return phase;
    }

    public void moveTo(Phase next) {
        phase = next;
    }

    /** Whether new MCP requests are taken (false while starting up or shutting down). */
    public boolean accepting() {
        return phase == Phase.READY;
    }

    /** Whether the runtime drains or has stopped: new requests are refused, running ones finish. */
    public boolean shuttingDown() {
        return phase.compareTo(Phase.DRAINING) >= 0;
    }
}
