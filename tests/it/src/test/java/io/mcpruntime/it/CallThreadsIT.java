package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thread a tool call runs on, as the thread-name fixture tells it: over HTTP the Jetty thread (pool "mcp-http",
 * JettyHost) that the SDK's servlet blocks for the answer anyway, with no hand-off to a worker and back; over
 * stdio a kernel worker ("mcp-tool-N", Kernel), since the reader thread must go on reading.
 */
class CallThreadsIT {
    @TempDir
    Path plugins;

    @BeforeEach
    void dropFixture() throws Exception {
        Fixtures.drop("thread-name.jar", plugins, "thread-name.jar");
    }

    @Test
    void overHttpACallRunsOnTheContainerThreadThatWaitsForIt() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins);
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            String thread = callingThread(client);
            assertTrue(thread.startsWith("mcp-http-"), thread);
        }
    }

    @Test
    void overStdioACallRunsOnAKernelWorker() throws Exception {
        try (McpSyncClient client = Clients.sync(Clients.stdio(plugins))) {
            String thread = callingThread(client);
            assertTrue(thread.startsWith("mcp-tool-"), thread);
        }
    }

    private static String callingThread(McpSyncClient client) {
        McpSchema.CallToolResult result = Clients.call(client, "thread_name", Map.of());
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> Clients.text(result));
        return Clients.text(result);
    }
}
