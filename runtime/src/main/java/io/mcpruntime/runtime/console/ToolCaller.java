package io.mcpruntime.runtime.console;

import io.mcpruntime.api.Caller;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Calls a tool through the kernel's normal call path. */
@FunctionalInterface
public interface ToolCaller {

    /** The {@code tools/call} result as JSON, or empty when no tool of that name is served. */
    Optional<String> call(String tool, Map<String, Object> arguments, Caller caller) throws IOException;
}
