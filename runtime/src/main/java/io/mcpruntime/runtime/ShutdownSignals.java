package io.mcpruntime.runtime;

import java.util.List;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start a graceful shutdown instead of the JVM's default exit (code 143/130 after the shutdown
 * hooks): the server drains its calls and exits 0.
 */
final class ShutdownSignals {
    private ShutdownSignals() {
    }

    static void onTermination(Runnable shutdown) {
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> shutdown.run());
        }
    }
}
