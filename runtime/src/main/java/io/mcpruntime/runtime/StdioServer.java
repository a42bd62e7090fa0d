package io.mcpruntime.runtime;

import io.mcpruntime.runtime.config.RuntimeSettings;
import io.mcpruntime.runtime.mcp.McpServerBinding;
import io.mcpruntime.runtime.transport.StdioTransportProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * Serves one client over stdin/stdout until the client closes stdin. stdout carries the protocol only: anything
 * else that writes to {@code System.out} (a plugin, a library) is sent to stderr instead.
 */
final class StdioServer {
    private final RuntimeSettings settings;

    StdioServer(RuntimeSettings settings) {
        this.settings = settings;
    }

    int run() throws Exception {
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        try (Kernel kernel = Kernel.boot(settings)) {
            StdioTransportProvider transport = new StdioTransportProvider(kernel.json().mapper(), System.in,
                    protocolOut, kernel.interceptor());
            try (McpServerBinding ignored = kernel.bind(transport)) {
                transport.start();
                StartupReport.print(System.err, "stdio", settings.plugins(), kernel.catalog());
                transport.awaitEnd();
            }
        }
        return 0;
    }
}
