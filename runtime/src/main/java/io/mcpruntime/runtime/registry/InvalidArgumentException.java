package io.mcpruntime.runtime.registry;

/** An argument the client sent cannot be used; the message names the argument and what was expected. */
public final class InvalidArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message);
    }
}
