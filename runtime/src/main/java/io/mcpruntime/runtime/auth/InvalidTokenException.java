package io.mcpruntime.runtime.auth;

/**
 * An access token that is refused. The message is a fixed text safe to show a client ({@code error_description}):
 * it names what is wrong, never the token's contents or the library's words.
 */
public final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
