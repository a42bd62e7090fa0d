package io.mcpruntime.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolException;
import io.mcpruntime.api.ToolResult;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a tool the way every transport and the router tool do: repair stringified JSON arguments (unless strict),
 * validate them against the input schema, call the handler inside its plugin's gate (bulkhead), and turn every
 * failure into an error result. A
 * {@link ToolException} or a bad argument reaches the client with its message; anything else is logged and
 * reaches the client as a generic message, never with a class name or stack trace.
 */
public final class ToolInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);
    /** What the gate answers for a version withdrawn meanwhile (compared by identity). */
    private static final ToolResult WITHDRAWN = ToolResult.error("withdrawn");

    private final ArgumentRepair repair;
    private final boolean repairArguments;
    private final ArgumentValidator validator;
    private final boolean maskErrorDetails;
    private final PluginGates gates;
    private final FeatureCatalog catalog;
    private final Consumer<String> repairCounter;

    /**
     * @param maskErrorDetails whether an unexpected exception reaches the client as a generic message (true) or
     *     with its message (false; still never with a class name or stack trace)
     * @param repairCounter told the tool's name each time a call's arguments were repaired
     */
    public ToolInvoker(ObjectMapper mapper, ArgumentValidator validator, boolean repairArguments,
            boolean maskErrorDetails, PluginGates gates, FeatureCatalog catalog, Consumer<String> repairCounter) {
        this.gates = gates;
        this.catalog = catalog;
        this.repairCounter = repairCounter;
        this.repair = new ArgumentRepair(mapper);
        this.validator = validator;
        this.repairArguments = repairArguments;
        this.maskErrorDetails = maskErrorDetails;
    }

    public ToolResult invoke(ToolDefinition tool, Map<String, Object> arguments, ToolContext context) {
        Map<String, Object> prepared = arguments == null ? Map.of() : arguments;
        if (repairArguments) {
            ArgumentRepair.Repaired repaired = repair.repair(prepared, tool.inputSchema());
            if (!repaired.paths().isEmpty()) {
                LOG.info("Repaired stringified JSON argument(s) {} of tool {}", repaired.paths(), tool.name());
                repairCounter.accept(tool.name());
                prepared = repaired.arguments();
            }
        }
        Optional<String> invalid = validator.validate(tool.inputSchema(), prepared);
        if (invalid.isPresent()) {
            return ToolResult.error("Invalid arguments for tool '" + tool.name() + "': " + invalid.get());
        }
        try {
            return callServed(tool, prepared, context);
        } catch (ToolException | InvalidArgumentException e) {
            return ToolResult.error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("Tool '" + tool.name() + "' was cancelled");
        } catch (Exception | LinkageError e) {
            LOG.error("Tool {} of plugin {} failed", tool.name(), tool.owner(), e);
            String detail = maskErrorDetails ? null : ownMessage(e);
            return ToolResult.error("Tool '" + tool.name() + "' failed with an internal error"
                    + (detail == null ? "" : ": " + detail));
        }
    }

    /**
     * Calls the tool if its plugin still serves this version once the call is inside the plugin's gate. A plugin being
     * replaced or removed is withdrawn, then drained: a call that looked it up just before is handed to the version
     * that replaces it (waiting for it, as every call does while a plugin is replaced), or fails as removed.
     */
    private ToolResult callServed(ToolDefinition tool, Map<String, Object> arguments, ToolContext context)
            throws Exception {
        ToolDefinition target = tool;
        while (true) {
            ToolDefinition version = target;
            ToolResult result = gates.throughIf(version.owner(), () -> catalog.find(version.key()) == version,
                    () -> version.handler().invoke(arguments, context), () -> WITHDRAWN);
            if (result != WITHDRAWN) {
                return result;
            }
            if (!(catalog.await(tool.key()) instanceof ToolDefinition next)) {
                return ToolResult.error("Tool '" + tool.name() + "' is no longer available: its plugin was removed");
            }
            target = next;
        }
    }

    /**
     * The message of the exception, or of the one it wraps when its own only repeats that one's {@code toString()}
     * (as {@code new RuntimeException(cause)} and {@code UncheckedIOException} do): never a class name.
     */
    private static String ownMessage(Throwable e) {
        Throwable shown = e;
        while (shown.getCause() != null && shown.getCause().toString().equals(shown.getMessage())) {
            shown = shown.getCause();
        }
        return shown.getMessage();
    }
}
