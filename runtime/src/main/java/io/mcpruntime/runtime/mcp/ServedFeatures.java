package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.registry.Feature;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** The SDK server a {@link McpServerBinding} keeps in step with the catalog, whichever kind of server it is. */
final class ServedFeatures {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ByKind<Mono<Void>> additions;
    private final ByKind<Mono<Void>> removals;
    private final ByKind<Mono<Void>> announcements;
    private final Runnable closer;

    private ServedFeatures(ByKind<Mono<Void>> additions, ByKind<Mono<Void>> removals,
            ByKind<Mono<Void>> announcements, Runnable closer) {
        this.additions = additions;
        this.removals = removals;
        this.announcements = announcements;
        this.closer = closer;
    }

    /** A server with sessions (stdio, Streamable HTTP, legacy SSE): its changes reach clients as list_changed. */
    static ServedFeatures of(McpAsyncServer server, SdkFeatures features, ListChangedCoalescer coalescer) {
        return new ServedFeatures(
                new ByKind<>(tool -> server.addTool(features.tool(tool)),
                        resource -> server.addResource(features.resource(resource)),
                        template -> server.addResourceTemplate(features.template(template)),
                        prompt -> server.addPrompt(features.prompt(prompt))),
                new ByKind<>(tool -> server.removeTool(tool.name()),
                        resource -> server.removeResource(resource.uri()),
                        // the SDK does not announce a removed template itself
                        template -> server.removeResourceTemplate(template.uriTemplate())
                                .then(server.notifyResourcesListChanged()),
                        prompt -> server.removePrompt(prompt.name())),
                new ByKind<>(tool -> server.notifyToolsListChanged(),
                        resource -> server.notifyResourcesListChanged(),
                        template -> server.notifyResourcesListChanged(),
                        prompt -> server.notifyPromptsListChanged()),
                () -> {
                    coalescer.close();
                    server.closeGracefully().block(CLOSE_TIMEOUT);
                });
    }

    /** A server without sessions (stateless HTTP): changes apply from the next request on; nobody is told. */
    static ServedFeatures of(McpStatelessAsyncServer server, SdkFeatures features) {
        return new ServedFeatures(
                new ByKind<>(tool -> server.addTool(features.statelessTool(tool)),
                        resource -> server.addResource(features.statelessResource(resource)),
                        template -> server.addResourceTemplate(features.statelessTemplate(template)),
                        prompt -> server.addPrompt(features.statelessPrompt(prompt))),
                new ByKind<>(tool -> server.removeTool(tool.name()),
                        resource -> server.removeResource(resource.uri()),
                        template -> server.removeResourceTemplate(template.uriTemplate()),
                        prompt -> server.removePrompt(prompt.name())),
                new ByKind<>(tool -> Mono.empty(), resource -> Mono.empty(), template -> Mono.empty(),
                        prompt -> Mono.empty()),
                () -> server.closeGracefully().block(CLOSE_TIMEOUT));
    }

    Mono<Void> add(Feature feature) {
        return run(additions, feature);
    }

    Mono<Void> remove(Feature feature) {
        return run(removals, feature);
    }

    /** Tells clients that a feature changed where the SDK server has nothing to change (a new plugin version). */
    Mono<Void> announce(Feature feature) {
        return run(announcements, feature);
    }

    /** The change for the feature's kind; nothing for a completion, which no SDK server holds. */
    private static Mono<Void> run(ByKind<Mono<Void>> change, Feature feature) {
        Mono<Void> run = change.apply(feature);
        return run == null ? Mono.empty() : run;
    }

    void close() {
        closer.run();
    }
}
