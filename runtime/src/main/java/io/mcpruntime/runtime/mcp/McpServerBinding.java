package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.registry.CatalogListener;
import io.mcpruntime.runtime.registry.FeatureCatalog;
import io.mcpruntime.runtime.registry.Feature;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One SDK server on one transport, kept in step with the {@link FeatureCatalog}: every batch of added or removed
 * tools, resources, templates and prompts is applied to the server and announced to its clients as one coalesced
 * list_changed per list. (Completions are served from the catalog directly, see {@link CompletionInterceptor}.)
 */
public final class McpServerBinding implements CatalogListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(McpServerBinding.class);
    private static final Duration QUIET_PERIOD = Duration.ofMillis(20);
    /** Advertised even with no plugin loaded, so clients keep listening for tools that arrive later. */
    private static final McpSchema.ServerCapabilities CAPABILITIES = McpSchema.ServerCapabilities.builder()
            .tools(true)
            .resources(true, true)
            .prompts(true)
            .completions()
            .logging()
            .build();
    /** Without sessions no list can be announced as changed, and there is no channel for log messages. */
    private static final McpSchema.ServerCapabilities STATELESS_CAPABILITIES = McpSchema.ServerCapabilities.builder()
            .tools(false)
            .resources(false, false)
            .prompts(false)
            .completions()
            .build();

    private final ServedFeatures server;
    private final FeatureCatalog catalog;
    private final Map<String, ScheduledFuture<?>> pendingRemovals = new HashMap<>();
    /** What each served feature looks like to clients, as last given to the SDK server. */
    private final Map<String, Object> servedDescriptors = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mcp-removals");
        thread.setDaemon(true);
        return thread;
    });

    private McpServerBinding(ServedFeatures server, FeatureCatalog catalog, List<Feature> present) {
        this.server = server;
        this.catalog = catalog;
        for (Feature feature : present) {
            Object descriptor = SdkFeatures.descriptorOf(feature);
            if (descriptor != null) {
                servedDescriptors.put(feature.key(), descriptor);
            }
        }
    }

    /** Binds a transport whose sessions each have a transport of their own: stdio or legacy SSE. */
    public static McpServerBinding bind(McpServerTransportProvider transport, ServerIdentity identity,
            FeatureCatalog catalog, SdkFeatures features, OpenSessions sessions) {
        String name = transport instanceof HttpServletSseServerTransportProvider ? "legacy-sse" : "stdio";
        ListChangedCoalescer coalescer = new ListChangedCoalescer(QUIET_PERIOD, counted(transport, features));
        return bind(McpServer.async(new CoalescingSessionProvider(transport, coalescer,
                () -> features.metrics().sessionOpened(name), sessions, name)), coalescer, identity, catalog,
                features);
    }

    /** Binds a Streamable HTTP transport. */
    public static McpServerBinding bind(McpStreamableServerTransportProvider transport, ServerIdentity identity,
            FeatureCatalog catalog, SdkFeatures features, OpenSessions sessions) {
        ListChangedCoalescer coalescer = new ListChangedCoalescer(QUIET_PERIOD, counted(transport, features));
        return bind(McpServer.async(new CoalescingStreamableProvider(transport, coalescer,
                () -> features.metrics().sessionOpened(CoalescingStreamableProvider.TRANSPORT), sessions)),
                coalescer, identity, catalog, features);
    }

    /** Sends through the transport and counts what was sent. */
    private static BiFunction<String, Object, Mono<Void>> counted(McpServerTransportProviderBase transport,
            SdkFeatures features) {
        return (method, params) -> {
            features.metrics().notificationSent(method);
            return transport.notifyClients(method, params);
        };
    }

    private static McpServerBinding bind(McpServer.AsyncSpecification<?> specification,
            ListChangedCoalescer coalescer, ServerIdentity identity, FeatureCatalog catalog, SdkFeatures features) {
        // the features present at start are built in, so no client hears of them as a change
        return catalog.subscribe(present -> {
            specification
                    .serverInfo(identity.name(), identity.version())
                    .capabilities(CAPABILITIES)
                    .jsonMapper(identity.json().mapper())
                    .jsonSchemaValidator(identity.json().validator())
                    .validateToolInputs(false) // the kernel validates after repairing stringified JSON
                    .addToolFilter(features.toolFilter())
                    .requestTimeout(identity.clientRequestTimeout());
            ByKind<Object> buildIn = new ByKind<>(tool -> specification.tools(features.tool(tool)),
                    resource -> specification.resources(features.resource(resource)),
                    template -> specification.resourceTemplates(features.template(template)),
                    prompt -> specification.prompts(features.prompt(prompt)));
            present.forEach(buildIn::apply);
            return new McpServerBinding(ServedFeatures.of(specification.build(), features, coalescer), catalog,
                    present);
        });
    }

    /**
     * Binds a stateless HTTP transport: one request, one response, no sessions, so nothing is announced (the
     * capabilities say so) and a call's context has no way back to its client.
     */
    public static McpServerBinding bind(McpStatelessServerTransport transport, ServerIdentity identity,
            FeatureCatalog catalog, SdkFeatures features) {
        return catalog.subscribe(present -> {
            ServedFeatures server = ServedFeatures.of(McpServer.async(transport)
                    .serverInfo(identity.name(), identity.version())
                    .capabilities(STATELESS_CAPABILITIES)
                    .jsonMapper(identity.json().mapper())
                    .jsonSchemaValidator(identity.json().validator())
                    .validateToolInputs(false)
                    .addToolFilter(features.toolFilter())
                    .build(), features);
            present.forEach(feature -> apply(feature, server.add(feature)));
            return new McpServerBinding(server, catalog, present);
        });
    }

    /**
     * Additions apply at once, and so does the removal of a plugin's features. Those of a plugin being replaced stay
     * listed while the catalog awaits them back (the swap grace), so that they stay callable (calls wait for the new
     * version) and clients hear of the swap once, not twice. Runs under the catalog's lock.
     */
    @Override
    public synchronized void featuresChanged(List<Feature> added, List<Feature> removed) {
        for (Feature feature : removed) {
            Long awaitedUntil = catalog.awaitedUntil(feature.key());
            if (awaitedUntil == null) {
                remove(feature);
            } else {
                scheduleRemoval(feature, awaitedUntil);
            }
        }
        for (Feature feature : added) {
            ScheduledFuture<?> pending = pendingRemovals.remove(feature.key());
            if (pending != null) {
                pending.cancel(false);
            }
            // The SDK replaces a feature by removing and re-adding it, and a call landing in between would find
            // no tool; an unchanged one stays as it is (its handlers find the new version at call time) and
            // clients are told of the new version all the same.
            Object descriptor = SdkFeatures.descriptorOf(feature);
            boolean unchanged = descriptor != null
                    && descriptor.equals(servedDescriptors.put(feature.key(), descriptor));
            apply(feature, unchanged ? server.announce(feature) : server.add(feature));
        }
    }

    /** Removes the feature once it is no longer awaited back: its old version may have drained only now. */
    private void removeIfStillGone(Feature feature) {
        // asked before taking this binding's lock: the catalog holds its own while it calls featuresChanged
        Long awaitedUntil = catalog.awaitedUntil(feature.key());
        synchronized (this) {
            pendingRemovals.remove(feature.key());
            if (catalog.find(feature.key()) != null) {
                return;
            }
            if (awaitedUntil == null) {
                remove(feature);
            } else {
                scheduleRemoval(feature, awaitedUntil);
            }
        }
    }

    private void scheduleRemoval(Feature feature, long awaitedUntil) {
        pendingRemovals.put(feature.key(), timer.schedule(() -> removeIfStillGone(feature),
                awaitedUntil - System.nanoTime(), TimeUnit.NANOSECONDS));
    }

    private void remove(Feature feature) {
        servedDescriptors.remove(feature.key());
        apply(feature, server.remove(feature));
    }

    private static void apply(Feature feature, Mono<Void> change) {
        try {
            change.block();
        } catch (RuntimeException e) {
            LOG.error("{} of plugin {} refused by the MCP server: {}", feature.key(), feature.owner(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        catalog.removeListener(this);
        timer.shutdownNow();
        server.close();
    }
}
