package io.mcpruntime.runtime;

import io.mcpruntime.runtime.config.RuntimeSettings;
import io.mcpruntime.runtime.mcp.McpServerBinding;
import io.mcpruntime.runtime.transport.OpsHttpServer;
import io.mcpruntime.runtime.transport.StdioTransportProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Serves one client over stdin/stdout until the client closes stdin or the process gets SIGTERM/SIGINT. stdout
 * carries the protocol only: anything else that writes to {@code System.out} goes to stderr instead. Health and
 * metrics are served on an optional admin port.
 */
final class StdioServer {
    private final RuntimeSettings settings;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    StdioServer(RuntimeSettings settings) {
        this.settings = settings;
    }

    int run() throws Exception {
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        ShutdownSignals.onTermination(stopRequested::countDown);
        try (Kernel kernel = Kernel.boot(settings);
                OpsHttpServer admin = settings.adminPort() == null ? null : new OpsHttpServer(settings.host(),
                        settings.adminPort(), HttpServer.access(settings), kernel.opsEndpoints("stdio"))) {
            StdioTransportProvider transport = kernel.stdioTransport(System.in, protocolOut);
            try (McpServerBinding ignored = kernel.bind(transport)) {
                transport.start();
                if (admin != null) {
                    admin.start();
                }
                kernel.markReady();
                StartupReport.print(System.err, "stdio" + (admin == null ? "" : ", health at " + admin.uri()),
                        settings.plugins(), kernel.catalog());
                Thread clientGone = new Thread(() -> {
                    awaitQuietly(transport);
                    stopRequested.countDown();
                }, "mcp-stdio-end");
                clientGone.setDaemon(true);
                clientGone.start();
                stopRequested.await();
                kernel.drain(settings.shutdownTimeout());
            }
        }
        return 0;
    }

    private static void awaitQuietly(StdioTransportProvider transport) {
        try {
            transport.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
