package io.mcpruntime.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a running tool call can do besides returning: log to the client, report progress, notice cancellation.
 *
 * <p>Implemented by the runtime and passed to a {@link Tool} method that declares a parameter of this type.
 * It is valid for the duration of one call and may be used from the calling thread only. Every method is safe to
 * call after the client went away: messages are then dropped, never thrown at the plugin.
 */
@ProviderType
public interface ToolContext {

    /** Sends a log message to the client, if the client's logging level lets it through. */
    void log(LogLevel level, String message);

    /**
     * Reports progress to the client, if it asked for progress on this call.
     *
     * @param progress how far the work is; grows with every call
     * @param total the value {@code progress} reaches when done, or {@code null} if unknown
     * @param message a short human-readable status, or {@code null}
     */
    void progress(double progress, Double total, String message);

    /**
     * Whether the client cancelled this call, disconnected, or its deadline passed. A long-running tool checks
     * it between steps and returns early; blocking calls are also interrupted.
     */
    boolean isCancelled();
}
