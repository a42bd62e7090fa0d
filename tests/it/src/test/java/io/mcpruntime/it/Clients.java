package io.mcpruntime.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The MCP Java SDK's own clients, connected to a running runtime over HTTP or to a spawned one over stdio. */
final class Clients {
    static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The Java client opens its GET stream (which carries list_changed) just after initialize returns. */
    private static final Duration STREAM_SETTLE = Duration.ofMillis(500);

    private Clients() {
    }

    static McpClientTransport http(String endpoint) {
        return http(endpoint, Map.of());
    }

    /** Streamable HTTP with these headers on every request, e.g. Authorization. */
    static McpClientTransport http(String endpoint, Map<String, String> headers) {
        URI uri = URI.create(endpoint);
        return HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
                .endpoint(uri.getPath())
                .jsonMapper(JSON)
                .requestBuilder(requestBuilder(headers))
                .build();
    }

    /** The legacy SSE transport (protocol 2024-11-05) of the server at this endpoint, with these headers. */
    static McpClientTransport legacySse(String endpoint, Map<String, String> headers) {
        URI uri = URI.create(endpoint);
        return HttpClientSseClientTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
                .sseEndpoint("/sse")
                .jsonMapper(JSON)
                .requestBuilder(requestBuilder(headers))
                .build();
    }

    private static HttpRequest.Builder requestBuilder(Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder();
        headers.forEach(builder::header);
        return builder;
    }

    /** Spawns the distribution's launcher in stdio mode, as Claude Desktop would; its stderr goes to ours. */
    static McpClientTransport stdio(Path plugins) throws Exception {
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder("sh")
                .args(Distribution.launcher().toString(), "--stdio", "--plugins", plugins.toString())
                .build(), JSON);
        transport.setStdErrorHandler(System.err::println);
        return transport;
    }

    /** A client that does not listen for list_changed, so it need not wait for the stream they come on. */
    static McpSyncClient sync(McpClientTransport transport) {
        McpSyncClient client = McpClient.sync(transport).requestTimeout(REQUEST_TIMEOUT).build();
        client.initialize();
        return client;
    }

    /** A client whose {@code onToolsChanged} hears every list_changed from its first request on. */
    static McpSyncClient sync(McpClientTransport transport, Consumer<List<McpSchema.Tool>> onToolsChanged)
            throws InterruptedException {
        return initialize(McpClient.sync(transport)
                .requestTimeout(REQUEST_TIMEOUT)
                .toolsChangeConsumer(onToolsChanged)
                .build());
    }

    /** Initializes a client and gives it time to open the stream its list_changed notifications come on. */
    static McpSyncClient initialize(McpSyncClient client) throws InterruptedException {
        client.initialize();
        Thread.sleep(STREAM_SETTLE.toMillis());
        return client;
    }

    static McpAsyncClient async(McpClientTransport transport) {
        McpAsyncClient client = McpClient.async(transport).requestTimeout(REQUEST_TIMEOUT).build();
        client.initialize().block(REQUEST_TIMEOUT);
        return client;
    }

    /** The names of the tools plugins contribute (the kernel's own mcp_* tools left out), sorted. */
    static List<String> pluginToolNames(McpSyncClient client) {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).filter(n -> !n.startsWith("mcp_"))
                .sorted().toList();
    }

    /** The names of the kernel's own tools (mcp_*), sorted. */
    static List<String> kernelToolNames(McpSyncClient client) {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).filter(n -> n.startsWith("mcp_"))
                .sorted().toList();
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /**
     * Calls the tool until it answers this text, e.g. while its plugin is swapped (an error or the old version may
     * answer meanwhile); fails with the last answer after the timeout.
     */
    static void awaitText(McpSyncClient client, String tool, Map<String, Object> arguments, String expected,
            Duration timeout) throws Exception {
        Await.until(() -> {
            try {
                return text(call(client, tool, arguments));
            } catch (McpError e) {
                return e.getMessage();
            }
        }, expected::equals, timeout, tool + " answering '" + expected + "'");
    }

    /** What the kernel's mcp_plugins says about one plugin file. */
    static Map<?, ?> pluginStatus(McpSyncClient client, String file) {
        List<?> plugins = (List<?>) ((Map<?, ?>) call(client, "mcp_plugins", Map.of()).structuredContent())
                .get("plugins");
        return plugins.stream().map(p -> (Map<?, ?>) p).filter(p -> file.equals(p.get("file"))).findFirst()
                .orElseThrow(() -> new AssertionError("mcp_plugins does not list " + file + ": " + plugins));
    }

    /** The kernel's audit trail (mcp_audit), newest first. */
    static List<Map<?, ?>> audit(McpSyncClient client) {
        Map<?, ?> result = (Map<?, ?>) call(client, "mcp_audit", Map.of("limit", 100)).structuredContent();
        return ((List<?>) result.get("entries")).stream().<Map<?, ?>>map(e -> (Map<?, ?>) e).toList();
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
