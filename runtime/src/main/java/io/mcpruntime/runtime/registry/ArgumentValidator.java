package io.mcpruntime.runtime.registry;

import java.util.Map;
import java.util.Optional;

/** Checks arguments against a JSON schema; implemented with the MCP SDK's validator by the adapter. */
@FunctionalInterface
public interface ArgumentValidator {

    /** Empty if the arguments conform, else a message naming the offending field and what was expected. */
    Optional<String> validate(Map<String, Object> schema, Map<String, Object> arguments);
}
