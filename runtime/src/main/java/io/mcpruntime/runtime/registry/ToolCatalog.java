package io.mcpruntime.runtime.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The live set of tools, by full name. Each plugin component registers its tools as one batch; the tools served
 * are computed from all registrations in arrival order under the {@link DuplicatePolicy} and the {@link TagFilter},
 * so a plugin that was shadowed comes back when the one that displaced it leaves. Every change reaches the
 * listeners (the MCP servers) as one batch.
 */
public final class ToolCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCatalog.class);

    private final DuplicatePolicy policy;
    private final TagFilter filter;
    private final List<Registration> registrations = new ArrayList<>();
    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, ToolDefinition> served = Map.of();
    private volatile Map<ToolDefinition, String> refused = Map.of();

    public ToolCatalog(DuplicatePolicy policy, TagFilter filter) {
        this.policy = policy;
        this.filter = filter;
    }

    /** A batch of tools from one plugin component; hand it back to {@link #unregister} when it goes away. */
    public static final class Registration {
        private final List<ToolDefinition> tools;

        private Registration(List<ToolDefinition> tools) {
            this.tools = List.copyOf(tools);
        }
    }

    /**
     * Creates a listener from the tools served now and subscribes it, atomically: no change is lost or seen
     * twice between the snapshot and the subscription.
     */
    public synchronized <L extends CatalogListener> L subscribe(Function<List<ToolDefinition>, L> fromSnapshot) {
        L listener = fromSnapshot.apply(snapshot());
        listeners.add(listener);
        return listener;
    }

    public void removeListener(CatalogListener listener) {
        listeners.remove(listener);
    }

    public synchronized Registration register(List<ToolDefinition> tools) {
        List<ToolDefinition> filtered = new ArrayList<>();
        for (ToolDefinition tool : tools) {
            if (filter.accepts(tool.tags())) {
                filtered.add(tool);
            } else {
                LOG.info("Tool {} of plugin {} is filtered out by its tags {}", tool.name(), tool.owner(), tool.tags());
            }
        }
        Registration registration = new Registration(filtered);
        registrations.add(registration);
        recompute();
        return registration;
    }

    public synchronized void unregister(Registration registration) {
        if (registrations.remove(registration)) {
            recompute();
        }
    }

    /** The tools a registration holds that are actually served. */
    public List<ToolDefinition> servedOf(Registration registration) {
        return registration.tools.stream().filter(t -> served.get(t.name()) == t).toList();
    }

    /** Why tools are not served: tool → reason, for diagnostics. */
    public Map<ToolDefinition, String> refused() {
        return refused;
    }

    public ToolDefinition find(String name) {
        return served.get(name);
    }

    public List<ToolDefinition> snapshot() {
        return List.copyOf(served.values());
    }

    private void recompute() {
        List<Registration> order = new ArrayList<>(registrations);
        if (policy != DuplicatePolicy.ERROR) {
            Collections.reverse(order); // the newest claim wins
        }
        Map<String, PluginId> namespaceOwners = new LinkedHashMap<>();
        Map<String, ToolDefinition> next = new LinkedHashMap<>();
        Map<ToolDefinition, String> nextRefused = new LinkedHashMap<>();
        for (Registration registration : order) {
            for (ToolDefinition tool : registration.tools) {
                PluginId owner = namespaceOwners.computeIfAbsent(tool.owner().namespace(), ns -> tool.owner());
                ToolDefinition holder = next.get(tool.name());
                if (owner.bundleId() != tool.owner().bundleId()) {
                    nextRefused.put(tool, "namespace '" + tool.owner().namespace() + "' belongs to plugin " + owner);
                } else if (holder != null && holder != tool) {
                    nextRefused.put(tool, "name taken by plugin " + holder.owner());
                } else {
                    next.put(tool.name(), tool);
                }
            }
        }
        Map<String, ToolDefinition> previous = served;
        served = Collections.unmodifiableMap(next);
        reportNewRefusals(nextRefused);
        refused = Collections.unmodifiableMap(nextRefused);
        List<ToolDefinition> added = next.values().stream().filter(t -> previous.get(t.name()) != t).toList();
        List<String> removed = previous.keySet().stream().filter(name -> !next.containsKey(name)).toList();
        fire(added, removed);
    }

    private void reportNewRefusals(Map<ToolDefinition, String> nextRefused) {
        Set<ToolDefinition> known = new HashSet<>(refused.keySet());
        Level level = switch (policy) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARN;
            case REPLACE -> Level.INFO;
        };
        nextRefused.forEach((tool, reason) -> {
            if (!known.contains(tool)) {
                LOG.atLevel(level).log("Tool {} of plugin {} not served: {} (MCP_ON_DUPLICATE={})", tool.name(),
                        tool.owner(), reason, policy.name().toLowerCase());
            }
        });
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

    @Override
    public String toString() {
        return "ToolCatalog" + served.keySet().stream().sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
