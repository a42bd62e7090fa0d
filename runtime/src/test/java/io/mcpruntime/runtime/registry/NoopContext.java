package io.mcpruntime.runtime.registry;

import io.mcpruntime.api.ClientInfo;
import io.mcpruntime.api.ElicitResult;
import io.mcpruntime.api.LogLevel;
import io.mcpruntime.api.Root;
import io.mcpruntime.api.SamplingRequest;
import io.mcpruntime.api.SamplingResult;
import io.mcpruntime.api.ToolContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A context for calling handlers directly in unit tests: a client with no capabilities that never cancels. */
final class NoopContext implements ToolContext {
    @Override
    public void log(LogLevel level, String message) {
    }

    @Override
    public void progress(double progress, Double total, String message) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void onCancel(Runnable callback) {
    }

    @Override
    public ClientInfo client() {
        return new ClientInfo("unit-test", "0", false, false, false);
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
