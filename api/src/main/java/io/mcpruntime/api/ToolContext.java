package io.mcpruntime.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a running tool call can do besides returning: log to the client, report progress, notice cancellation, and
 * ask the client for things (an LLM completion, user input, its roots).
 *
 * <p>Implemented by the runtime and passed to a {@link Tool} method that declares a parameter of this type. It is
 * valid for the duration of one call. Every method is safe to call after the client went away or when the client
 * lacks the capability: messages are then dropped and requests answer "nothing", never an exception.
 */
@ProviderType
public interface ToolContext {

    /** Sends a log message to the client, if the level the client asked for ({@code logging/setLevel}) allows it. */
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

    /** Runs the callback once when the call is cancelled (at once if it already is). */
    void onCancel(Runnable callback);

    /** Who is calling: the client's name, version and what it supports. */
    ClientInfo client();

    /**
     * Asks the client's LLM for a completion ({@code sampling/createMessage}). Blocks until the client answers.
     *
     * @return the answer, or empty if the client does not support sampling, declined, or went away
     */
    Optional<SamplingResult> sample(SamplingRequest request);

    /**
     * Asks the user for input through the client ({@code elicitation/create}, form mode). Blocks until answered.
     *
     * @param message what to ask
     * @param requestedSchema JSON Schema text of the form: an object with primitive properties
     * @return the user's action and, when accepted, the values; {@code CANCEL} if the client cannot ask
     */
    ElicitResult elicit(String message, String requestedSchema);

    /** The client's roots (folders it exposes); empty if it has none or does not support roots. */
    List<Root> roots();

    /**
     * Who makes this call: the subject and scopes of the OAuth access token the request carried, or
     * {@link Caller#ANONYMOUS} when the runtime did not authenticate it.
     */
    default Caller caller() {
        return Caller.ANONYMOUS;
    }
}
