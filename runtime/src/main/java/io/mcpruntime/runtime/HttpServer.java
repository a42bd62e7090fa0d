package io.mcpruntime.runtime;

import io.mcpruntime.runtime.config.RuntimeSettings;
import io.mcpruntime.runtime.mcp.McpServerBinding;
import io.mcpruntime.runtime.transport.StreamableHttpTransport;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Serves Streamable HTTP until the process is told to stop (SIGTERM, SIGINT), then closes in order. */
final class HttpServer {
    private final RuntimeSettings settings;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    HttpServer(RuntimeSettings settings) {
        this.settings = settings;
    }

    int run() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndWait, "mcp-shutdown"));
        try (Kernel kernel = Kernel.boot(settings)) {
            StreamableHttpTransport http = new StreamableHttpTransport(kernel.json().mapper(), settings.host(),
                    settings.port(), new StreamableHttpTransport.Access(settings.allowedHosts(),
                            settings.allowedOrigins(), settings.authToken()), kernel.interceptor(),
                    settings.maxRequestBytes());
            try (McpServerBinding ignored = kernel.bind(http.provider()); http) {
                http.start();
                StartupReport.print(System.err, "Streamable HTTP at " + http.endpoint(), settings.plugins(),
                        kernel.catalog());
                stopRequested.await();
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private void stopAndWait() {
        stopRequested.countDown();
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
