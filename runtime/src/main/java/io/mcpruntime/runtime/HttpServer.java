package io.mcpruntime.runtime;

import io.mcpruntime.runtime.config.RuntimeSettings;
import io.mcpruntime.runtime.mcp.McpServerBinding;
import io.mcpruntime.runtime.transport.Access;
import io.mcpruntime.runtime.transport.McpHttpOptions;
import io.mcpruntime.runtime.transport.StreamableHttpTransport;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Serves Streamable HTTP until SIGTERM or SIGINT, then shuts down gracefully: new requests get 503, the plugins
 * folder is no longer watched, running calls finish (bounded), and the process exits 0.
 */
final class HttpServer {
    private final RuntimeSettings settings;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CompletableFuture<URI> serving = new CompletableFuture<>();

    HttpServer(RuntimeSettings settings) {
        this.settings = settings;
    }

    int run() throws Exception {
        ShutdownSignals.onTermination(stopRequested::countDown);
        try (Kernel kernel = Kernel.boot(settings)) {
            StreamableHttpTransport http = new StreamableHttpTransport(kernel.json().mapper(), settings.host(),
                    settings.port(), access(settings), kernel.interceptor(), new McpHttpOptions(
                            settings.maxRequestBytes(), settings.sessionIdleTimeout(), settings.legacySse(),
                            settings.stateless(), settings.nodeId()),
                    kernel.opsEndpoints(settings.stateless() ? "stateless-http" : "streamable-http"),
                    kernel::scopesInUse,
                    kernel.lifecycle()::accepting);
            // the bindings close first: their sessions end their streams before Jetty stops
            try (http; McpServerBinding mcp = http.stateless().map(kernel::bind)
                        .orElseGet(() -> kernel.bind(http.sessions().orElseThrow()));
                    McpServerBinding legacy = http.legacySse().map(kernel::bind).orElse(null)) {
                http.start();
                kernel.markReady();
                StartupReport.print(System.err, "Streamable HTTP at " + http.endpoint()
                        + (settings.stateless() ? " (stateless)" : ""), settings.plugins(), kernel.catalog());
                serving.complete(http.endpoint());
                stopRequested.await();
                kernel.drain(settings.shutdownTimeout());
            }
        }
        return 0;
    }

    /** The endpoint, once the server answers there. */
    CompletableFuture<URI> serving() {
        return serving;
    }

    /** Shuts down as SIGTERM does. */
    void stop() {
        stopRequested.countDown();
    }

    static Access access(RuntimeSettings settings) {
        return new Access(settings.allowedHosts(), settings.allowedOrigins(), settings.authToken(),
                settings.oauth());
    }
}
