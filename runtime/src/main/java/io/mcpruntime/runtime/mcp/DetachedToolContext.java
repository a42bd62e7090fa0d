package io.mcpruntime.runtime.mcp;

import io.mcpruntime.api.Caller;
import io.mcpruntime.api.ClientInfo;
import io.mcpruntime.api.ElicitResult;
import io.mcpruntime.api.LogLevel;
import io.mcpruntime.api.Root;
import io.mcpruntime.api.SamplingRequest;
import io.mcpruntime.api.SamplingResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context of a call that has no channel back to its client (stateless HTTP: one request, one response). Log
 * messages go to the server's log at debug level, progress is dropped, and requests to the client answer "nothing",
 * exactly as for a client that supports none of them.
 */
public class DetachedToolContext extends CancellableToolContext {
    private static final Logger LOG = LoggerFactory.getLogger(DetachedToolContext.class);
    private static final ClientInfo UNKNOWN_CLIENT = new ClientInfo(null, null, false, false, false);

    private final String loggerName;

    public DetachedToolContext(String loggerName) {
        this(loggerName, Caller.ANONYMOUS);
    }

    public DetachedToolContext(String loggerName, Caller caller) {
        super(caller);
        this.loggerName = loggerName;
    }

    @Override
    public void log(LogLevel level, String message) {
        LOG.debug("[{}] {}: {}", loggerName, level, message);
    }

    @Override
    public void progress(double progress, Double total, String message) {
    }

    @Override
    public ClientInfo client() {
        return UNKNOWN_CLIENT;
    }

    @Override
    public Optional<SamplingResult> sample(SamplingRequest request) {
        return Optional.empty();
    }

    @Override
    public ElicitResult elicit(String message, String requestedSchema) {
        return new ElicitResult(ElicitResult.Action.CANCEL, Map.of());
    }

    @Override
    public List<Root> roots() {
        return List.of();
    }
}
