package io.mcpruntime.runtime;

import io.mcpruntime.runtime.config.RuntimeSettings;
import io.mcpruntime.runtime.console.Console;
import io.mcpruntime.runtime.mcp.McpServerBinding;
import io.mcpruntime.runtime.transport.Access;
import io.mcpruntime.runtime.transport.McpHttpOptions;
import io.mcpruntime.runtime.transport.StreamableHttpTransport;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Streamable HTTP until SIGTERM or SIGINT, then shuts down gracefully: new requests get 503, the plugins
 * folder is no longer watched, running calls finish (bounded), and the process exits 0.
 */
final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
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
                    McpServerBinding legacy = http.legacySse().map(kernel::bind).orElse(null);
                    Console console = console(kernel)) {
                if (console != null) {
                    http.mount(Console.PATH + "/*", console.servlet(), console.credentials());
                }
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

    /**
     * The operator console, unless it is turned off or would be open to the network: a server bound to a
     * non-loopback address serves it only behind a token (MCP_AUTH_TOKEN, or OAuth's operator scope).
     */
    private Console console(Kernel kernel) {
        if (!settings.console()) {
            return null;
        }
        if (settings.authToken() == null && settings.oauth() == null && !loopback(settings.host())) {
            LOG.warn("The console at {} is off: the server listens on {} without MCP_AUTH_TOKEN or --auth oauth",
                    Console.PATH, settings.host());
            return null;
        }
        return new Console(kernel.consoleSources(), kernel.json().objectMapper());
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static Access access(RuntimeSettings settings) {
        return new Access(settings.allowedHosts(), settings.allowedOrigins(), settings.authToken(),
                settings.oauth());
    }
}
