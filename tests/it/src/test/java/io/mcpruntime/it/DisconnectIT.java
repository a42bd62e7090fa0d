package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 100 clients start a long call each and drop their connection mid-call: the calls stop, the thread count goes back
 * to where it was, nothing is logged as an error, and the server keeps serving.
 */
class DisconnectIT {
    private static final int CLIENTS = 100;
    private static final String THREADS = "jvm_threads_live_threads";
    private static final String RUNNING = "mcp_tool_calls_running";

    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void clientsThatLeaveMidCallLeaveNothingBehind() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(),
                Map.of("MCP_PLUGIN_MAX_CONCURRENT", "200"))) {
            URI endpoint = URI.create(runtime.endpoint());
            String session = RawHttp.initialize(endpoint);
            int baseline = Metrics.value(endpoint, THREADS);

            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                sockets.add(startCountdown(endpoint, session, 100 + i));
            }
            for (Socket socket : sockets) {
                readSomething(socket.getInputStream()); // the call is running and streaming
            }
            assertTrue(Metrics.value(endpoint, RUNNING) > CLIENTS / 2, "calls running before the clients leave");
            for (Socket socket : sockets) {
                socket.close();
            }

            Metrics.await(endpoint, RUNNING, running -> running == 0, 15_000);
            Metrics.await(endpoint, THREADS, threads -> threads <= baseline + 5, 30_000);
            List<String> errors = runtime.stderr().stream().filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(List.of(), errors);
            try (McpSyncClient client = Clients.sync(Clients.http(endpoint.toString()))) {
                assertEquals("still here", Clients.text(Clients.call(client, "example_echo",
                        Map.of("message", "still here"))));
            }
        }
    }

    /** A raw HTTP/1.1 request for a 30 s countdown with progress, on its own connection. */
    private static Socket startCountdown(URI endpoint, String session, int id) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"example_countdown\",\"arguments\":{\"seconds\":30},\"_meta\":{\"progressToken\":" + id + "}}}";
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        String request = "POST /mcp HTTP/1.1\r\nHost: " + endpoint.getAuthority()
                + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream"
                + "\r\nMcp-Session-Id: " + session
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    private static void readSomething(InputStream in) throws Exception {
        byte[] buffer = new byte[512];
        assertTrue(in.read(buffer) > 0);
    }
}
