package io.mcpruntime.api;

import java.util.Map;

/**
 * The user's answer to an elicitation.
 *
 * @param action what the user did
 * @param content the submitted values (only for {@link Action#ACCEPT})
 */
public record ElicitResult(Action action, Map<String, Object> content) {

    public ElicitResult {
        content = content == null ? Map.of() : Map.copyOf(content);
    }

    /** The user's choice. {@code CANCEL} also stands for "the client could not ask". */
    public enum Action { ACCEPT, DECLINE, CANCEL }
}
