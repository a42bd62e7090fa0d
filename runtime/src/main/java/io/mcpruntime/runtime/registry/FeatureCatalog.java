package io.mcpruntime.runtime.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The live set of features (tools, resources, templates, prompts, completions), by key. Each plugin component
 * registers its features as one batch; what is served is computed from all registrations in arrival order under
 * the {@link DuplicatePolicy} and the {@link TagFilter}, so a plugin that was shadowed comes back when the one that
 * displaced it leaves. Every change reaches the listeners (the MCP servers) as one batch.
 */
public final class FeatureCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureCatalog.class);

    private final DuplicatePolicy policy;
    private final TagFilter filter;
    private final Duration swapGrace;
    private final List<Registration> registrations = new ArrayList<>();
    /** Keys withdrawn by a plugin that is being replaced, each until when ({@link System#nanoTime}) it is awaited. */
    private final Map<String, Long> awaitedBack = new HashMap<>();
    /** Keys withdrawn by a plugin being replaced whose old version still finishes its calls: awaited, no deadline yet. */
    private final Set<String> draining = new HashSet<>();
    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Feature> served = Map.of();
    private volatile Map<Feature, String> refused = Map.of();

    /** @param swapGrace how long the features of a plugin being replaced are awaited back */
    public FeatureCatalog(DuplicatePolicy policy, TagFilter filter, Duration swapGrace) {
        this.policy = policy;
        this.filter = filter;
        this.swapGrace = swapGrace;
    }

    /** A batch of features from one plugin component; hand it back to {@link #unregister} when it goes away. */
    public static final class Registration {
        private final List<Feature> features;
        private Change change;
        /** What withdrawing it changed, once it is withdrawn (perhaps together with its plugin's others). */
        private Change withdrawal;

        private Registration(List<Feature> features) {
            this.features = List.copyOf(features);
        }

        /** What registering the batch changed in what is served. */
        public Change change() {
            return change;
        }
    }

    /** What one registration or unregistration changed in what is served (keys). */
    public record Change(List<String> added, List<String> removed, List<String> replaced) {
    }

    /**
     * Creates a listener from the tools served now and subscribes it, atomically: no change is lost or seen
     * twice between the snapshot and the subscription.
     */
    public synchronized <L extends CatalogListener> L subscribe(Function<List<Feature>, L> fromSnapshot) {
        L listener = fromSnapshot.apply(snapshot());
        listeners.add(listener);
        return listener;
    }

    public void removeListener(CatalogListener listener) {
        listeners.remove(listener);
    }

    public synchronized Registration register(List<? extends Feature> features) {
        List<Feature> filtered = new ArrayList<>();
        for (Feature feature : features) {
            if (filter.accepts(feature.tags()) || feature.owner().isKernel()) {
                filtered.add(feature);
            } else {
                LOG.info("{} of plugin {} is filtered out by its tags {}", feature.key(), feature.owner(),
                        feature.tags());
            }
        }
        Registration registration = new Registration(filtered);
        registrations.add(registration);
        registration.change = recompute();
        return registration;
    }

    /** Withdraws a registration for good: its features are not awaited back. */
    public Change unregister(Registration registration) {
        return unregister(registration, false);
    }

    /**
     * Withdraws a registration.
     *
     * @param replacing its plugin is being replaced (updated, refreshed): for the swap grace, calls wait for its
     *     features to come back and the MCP servers keep them listed ({@link #awaitedUntil})
     */
    public synchronized Change unregister(Registration registration, boolean replacing) {
        Change change = withdraw(registration, replacing, false);
        drained(registration);
        return change;
    }

    /**
     * Withdraws a registration whose plugin still has calls running: new calls no longer reach it. While its plugin
     * is being replaced, its features are awaited back without a deadline until {@link #drained}, then for the swap
     * grace, so a long drain does not use the grace up before the new version can even start.
     *
     * @param wholePlugin withdraw every registration of its plugin with it: a stopping plugin withdraws its
     *     services one after the other, and the first one's drain would otherwise wait for the calls that the
     *     others still take in. Each of them, withdrawn again later, answers its share of this change.
     */
    public synchronized Change withdraw(Registration registration, boolean replacing, boolean wholePlugin) {
        if (registration.withdrawal != null) {
            return registration.withdrawal;
        }
        if (!registrations.contains(registration)) {
            return new Change(List.of(), List.of(), List.of());
        }
        long plugin = pluginOf(registration);
        List<Registration> going = wholePlugin && plugin >= 0
                ? registrations.stream().filter(r -> pluginOf(r) == plugin).toList() : List.of(registration);
        registrations.removeAll(going);
        if (replacing) {
            going.forEach(r -> r.features.forEach(feature -> draining.add(feature.key())));
        }
        Change change = recompute();
        for (Registration r : going) {
            Set<String> keys = r.features.stream().map(Feature::key).collect(Collectors.toSet());
            r.withdrawal = r == registration ? change : new Change(List.of(), change.removed().stream()
                    .filter(keys::contains).toList(), List.of());
        }
        return change;
    }

    /** The bundle id of the plugin that registered these features, or -1 if there are none. */
    private static long pluginOf(Registration registration) {
        return registration.features.isEmpty() ? -1 : registration.features.get(0).owner().bundleId();
    }

    /** The withdrawn registration's plugin has no call running any more: the swap grace starts now. */
    public synchronized void drained(Registration registration) {
        long until = System.nanoTime() + swapGrace.toNanos();
        registration.features.forEach(feature -> {
            if (draining.remove(feature.key()) && !served.containsKey(feature.key())) {
                awaitedBack.put(feature.key(), until);
            }
        });
    }

    /**
     * Until when ({@link System#nanoTime}) a feature that is not served is awaited back, or null if it is not: its
     * plugin was removed, or its replacement did not bring it back within the swap grace. While the old version
     * drains, always a swap grace from now.
     */
    public synchronized Long awaitedUntil(String key) {
        if (draining.contains(key)) {
            return System.nanoTime() + swapGrace.toNanos();
        }
        Long until = awaitedBack.get(key);
        if (until != null && until - System.nanoTime() <= 0) {
            awaitedBack.remove(key);
            return null;
        }
        return until;
    }

    /** What of this registration is refused, and why. */
    public Map<String, String> refusedOf(Registration registration) {
        Map<String, String> mine = new LinkedHashMap<>();
        refused.forEach((feature, reason) -> {
            if (registration.features.contains(feature)) {
                mine.put(feature.key(), reason);
            }
        });
        return mine;
    }

    public DuplicatePolicy policy() {
        return policy;
    }

    /** The keys of a registration's features that are actually served. */
    public List<String> servedOf(Registration registration) {
        return registration.features.stream().filter(f -> served.get(f.key()) == f).map(Feature::key).toList();
    }

    /** Why features are not served: feature → reason, for diagnostics. */
    public Map<Feature, String> refused() {
        return refused;
    }

    /**
     * The feature served under that key, or null: while its plugin is being replaced, a call waits for the new
     * version (up to the swap grace) instead of failing; once its plugin is removed, it fails at once. Every call and
     * read passes here, so the lock is taken only to wait: a recompute holds it while the MCP servers apply a change.
     */
    public Feature await(String key) throws InterruptedException {
        Feature feature = served.get(key);
        return feature != null ? feature : awaitServed(key);
    }

    private synchronized Feature awaitServed(String key) throws InterruptedException {
        Feature feature;
        while ((feature = served.get(key)) == null) {
            Long until = awaitedUntil(key);
            if (until == null) {
                return null;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
        }
        return feature;
    }

    /** The feature served under that key now, or null. */
    public Feature find(String key) {
        return served.get(key);
    }

    /** The served tool of that name, or null. */
    public ToolDefinition tool(String name) {
        return served.get(name) instanceof ToolDefinition tool ? tool : null;
    }

    /** The served completion for that target and argument, or null. */
    public CompletionDefinition completion(CompletionDefinition.Kind kind, String target, String argument) {
        Feature feature = served.get(CompletionDefinition.key(kind, target, argument));
        return feature instanceof CompletionDefinition completion ? completion : null;
    }

    public List<ToolDefinition> tools() {
        return served.values().stream().filter(ToolDefinition.class::isInstance).map(ToolDefinition.class::cast)
                .toList();
    }

    public List<Feature> snapshot() {
        return List.copyOf(served.values());
    }

    private Change recompute() {
        List<Registration> order = new ArrayList<>(registrations);
        if (policy != DuplicatePolicy.ERROR) {
            Collections.reverse(order); // the newest claim wins
        }
        Map<String, PluginId> namespaceOwners = new LinkedHashMap<>();
        Map<String, Feature> next = new LinkedHashMap<>();
        Map<Feature, String> nextRefused = new LinkedHashMap<>();
        for (Registration registration : order) {
            for (Feature feature : registration.features) {
                PluginId owner = namespaceOwners.computeIfAbsent(feature.owner().namespace(), ns -> feature.owner());
                Feature holder = next.get(feature.key());
                if (owner.bundleId() != feature.owner().bundleId()) {
                    nextRefused.put(feature, "namespace '" + feature.owner().namespace() + "' belongs to plugin "
                            + owner);
                } else if (holder != null && holder != feature) {
                    nextRefused.put(feature, "taken by plugin " + holder.owner());
                } else {
                    next.put(feature.key(), feature);
                }
            }
        }
        Map<String, Feature> previous = served;
        served = Collections.unmodifiableMap(next);
        long now = System.nanoTime();
        awaitedBack.entrySet().removeIf(entry -> next.containsKey(entry.getKey()) || entry.getValue() - now <= 0);
        draining.removeIf(next::containsKey);
        notifyAll(); // wake calls waiting for a feature to come back
        reportNewRefusals(nextRefused);
        refused = Collections.unmodifiableMap(nextRefused);
        List<Feature> added = next.values().stream().filter(f -> previous.get(f.key()) != f).toList();
        List<Feature> removed = previous.values().stream().filter(f -> !next.containsKey(f.key())).toList();
        fire(added, removed);
        return new Change(
                added.stream().filter(f -> !previous.containsKey(f.key())).map(Feature::key).toList(),
                removed.stream().map(Feature::key).toList(),
                added.stream().filter(f -> previous.containsKey(f.key())).map(Feature::key).toList());
    }

    private void reportNewRefusals(Map<Feature, String> nextRefused) {
        Set<Feature> known = new HashSet<>(refused.keySet());
        Level level = switch (policy) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARN;
            case REPLACE -> Level.INFO;
        };
        nextRefused.forEach((feature, reason) -> {
            if (!known.contains(feature)) {
                LOG.atLevel(level).log("{} of plugin {} not served: {} (MCP_ON_DUPLICATE={})", feature.key(),
                        feature.owner(), reason, policy.name().toLowerCase(Locale.ROOT));
            }
        });
    }

    private void fire(List<Feature> added, List<Feature> removed) {
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        for (CatalogListener listener : listeners) {
            try {
                listener.featuresChanged(added, removed);
            } catch (RuntimeException e) {
                LOG.error("Listener {} failed on a catalog change", listener, e);
            }
        }
    }

    @Override
    public String toString() {
        return "FeatureCatalog" + served.keySet().stream().sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
