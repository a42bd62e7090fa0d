package io.mcpruntime.runtime.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live set of tools, by full name. Plugins add and remove their tools as a batch; every batch reaches the
 * listeners (the MCP servers) as one change. A name taken by another plugin is refused with a log line naming
 * both plugins.
 */
public final class ToolCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCatalog.class);

    private final Map<String, ToolDefinition> tools = new ConcurrentHashMap<>();
    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Creates a listener from the tools that exist now and subscribes it, atomically: no change is lost or seen
     * twice between the snapshot and the subscription.
     */
    public synchronized <L extends CatalogListener> L subscribe(Function<List<ToolDefinition>, L> fromSnapshot) {
        L listener = fromSnapshot.apply(List.copyOf(tools.values()));
        listeners.add(listener);
        return listener;
    }

    public void removeListener(CatalogListener listener) {
        listeners.remove(listener);
    }

    /** Adds a plugin component's tools; returns the ones accepted. */
    public synchronized List<ToolDefinition> addAll(Collection<ToolDefinition> batch) {
        List<ToolDefinition> accepted = new ArrayList<>();
        for (ToolDefinition tool : batch) {
            ToolDefinition existing = tools.get(tool.name());
            if (existing != null && existing.owner().bundleId() != tool.owner().bundleId()) {
                LOG.error("Tool '{}' from plugin {} refused: already registered by plugin {}",
                        tool.name(), tool.owner(), existing.owner());
                continue;
            }
            tools.put(tool.name(), tool);
            accepted.add(tool);
        }
        fire(accepted, List.of());
        return accepted;
    }

    /** Removes the given tools (those still registered with the same definition). */
    public synchronized void removeAll(Collection<ToolDefinition> batch) {
        List<String> removed = new ArrayList<>();
        for (ToolDefinition tool : batch) {
            if (tools.remove(tool.name(), tool)) {
                removed.add(tool.name());
            }
        }
        fire(List.of(), removed);
    }

    public ToolDefinition find(String name) {
        return tools.get(name);
    }

    public List<ToolDefinition> snapshot() {
        return List.copyOf(tools.values());
    }

    private void fire(List<ToolDefinition> added, List<String> removed) {
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        for (CatalogListener listener : listeners) {
            try {
                listener.toolsChanged(added, removed);
            } catch (RuntimeException e) {
                LOG.error("Listener {} failed on a tool change", listener, e);
            }
        }
    }
}
