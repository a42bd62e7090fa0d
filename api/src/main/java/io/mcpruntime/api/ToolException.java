package io.mcpruntime.api;

/**
 * Thrown by a {@link Tool} method to fail the call with a message meant for the client (and the model).
 *
 * <p>The client receives an error result ({@code isError: true}) carrying exactly this message, so it should say
 * what went wrong and, where possible, how to call the tool correctly. Other exceptions are logged by the runtime
 * and reach the client only as a generic message.
 */
public class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
