package io.mcpruntime.bench.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The peer: a plain MCP Java SDK 2.1.0 server as its documentation shows it, with one {@code echo} tool, on
 * embedded Jetty 12 (EE11 servlet, the runtime's container) or on the SDK's own stdio transport.
 *
 * <p>Arguments: {@code --stdio} (else HTTP on a free loopback port, announced on stderr as the runtime does),
 * {@code --extra-tools N} (N more echo tools, {@code echo_0}...: the peer of the runtime's 1,000-tool test).
 */
public final class PeerServer {
    private static final McpSchema.JsonSchema ECHO_INPUT = new McpSchema.JsonSchema("object",
            Map.of("message", Map.of("type", "string", "description", "The text to send back")),
            List.of("message"), null, null, null);

    private PeerServer() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        int extraTools = options.contains("--extra-tools")
                ? Integer.parseInt(options.get(options.indexOf("--extra-tools") + 1)) : 0;
        ObjectMapper objectMapper = new ObjectMapper();
        McpJsonMapper json = new JacksonMcpJsonMapper(objectMapper);
        if (options.contains("--stdio")) {
            configure(McpServer.sync(new StdioServerTransportProvider(json)), json, objectMapper, extraTools).build();
            Thread.currentThread().join(); // the transport reads on its own threads; the harness ends the process
        } else {
            serveHttp(json, objectMapper, extraTools);
        }
    }

    private static void serveHttp(McpJsonMapper json, ObjectMapper objectMapper, int extraTools) throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint("/mcp")
                .build();
        McpSyncServer server = configure(McpServer.sync(transport), json, objectMapper, extraTools).build();
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder holder = new ServletHolder(transport);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        jetty.setHandler(context);
        jetty.start();
        System.err.println("mcp-sdk-peer serving Streamable HTTP at http://127.0.0.1:" + connector.getLocalPort()
                + "/mcp");
        jetty.join();
        server.close();
    }

    private static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> spec, McpJsonMapper json, ObjectMapper objectMapper, int extraTools) {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.add(echo("echo"));
        for (int i = 0; i < extraTools; i++) {
            tools.add(echo("echo_" + i));
        }
        return spec.serverInfo("mcp-sdk-peer", "2.1.0")
                .jsonMapper(json)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(objectMapper))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tools);
    }

    private static SyncToolSpecification echo(String name) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description("Returns the message unchanged.")
                .inputSchema(ECHO_INPUT).build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent(String.valueOf(request.arguments().get("message")))
                        .build())
                .build();
    }
}
