package io.mcpruntime.runtime.mcp;

import io.mcpruntime.runtime.registry.CatalogListener;
import io.mcpruntime.runtime.registry.ToolCatalog;
import io.mcpruntime.runtime.registry.ToolDefinition;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SDK server on one transport, kept in step with the {@link ToolCatalog}: every batch of added or removed tools
 * is applied to the server and announced to its clients as one coalesced list_changed.
 */
public final class McpServerBinding implements CatalogListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(McpServerBinding.class);
    private static final Duration QUIET_PERIOD = Duration.ofMillis(50);
    /** Advertised even with no plugin loaded, so clients keep listening for tools that arrive later. */
    private static final McpSchema.ServerCapabilities CAPABILITIES = McpSchema.ServerCapabilities.builder()
            .tools(true)
            .resources(false, true)
            .prompts(true)
            .logging()
            .build();

    private final McpAsyncServer server;
    private final ToolCatalog catalog;
    private final ToolCallRunner runner;
    private final ListChangedCoalescer coalescer;

    private McpServerBinding(McpAsyncServer server, ToolCatalog catalog, ToolCallRunner runner,
            ListChangedCoalescer coalescer) {
        this.server = server;
        this.catalog = catalog;
        this.runner = runner;
        this.coalescer = coalescer;
    }

    /** Binds a single-session transport such as stdio. */
    public static McpServerBinding bind(McpServerTransportProvider transport, ServerIdentity identity,
            ToolCatalog catalog, ToolCallRunner runner) {
        ListChangedCoalescer coalescer = new ListChangedCoalescer(QUIET_PERIOD, transport::notifyClients);
        return bind(McpServer.async(new CoalescingSessionProvider(transport, coalescer)), coalescer, identity,
                catalog, runner);
    }

    /** Binds a Streamable HTTP transport. */
    public static McpServerBinding bind(McpStreamableServerTransportProvider transport, ServerIdentity identity,
            ToolCatalog catalog, ToolCallRunner runner) {
        ListChangedCoalescer coalescer = new ListChangedCoalescer(QUIET_PERIOD, transport::notifyClients);
        return bind(McpServer.async(new CoalescingStreamableProvider(transport, coalescer)), coalescer, identity,
                catalog, runner);
    }

    private static McpServerBinding bind(McpServer.AsyncSpecification<?> specification,
            ListChangedCoalescer coalescer, ServerIdentity identity, ToolCatalog catalog, ToolCallRunner runner) {
        // the tools present at start are built in, so no client hears of them as a change
        return catalog.subscribe(tools -> new McpServerBinding(specification
                .serverInfo(identity.name(), identity.version())
                .capabilities(CAPABILITIES)
                .jsonMapper(identity.json().mapper())
                .jsonSchemaValidator(identity.json().validator())
                .validateToolInputs(false) // the kernel validates after repairing stringified JSON
                .requestTimeout(identity.clientRequestTimeout())
                .tools(tools.stream().map(tool -> specification(tool, runner)).toList())
                .build(), catalog, runner, coalescer));
    }

    @Override
    public void toolsChanged(List<ToolDefinition> added, List<String> removed) {
        for (String name : removed) {
            server.removeTool(name).block();
        }
        for (ToolDefinition tool : added) {
            try {
                server.addTool(specification(tool, runner)).block();
            } catch (RuntimeException e) {
                LOG.error("Tool {} of plugin {} refused by the MCP server: {}", tool.name(), tool.owner(),
                        e.getMessage());
            }
        }
    }

    private static McpServerFeatures.AsyncToolSpecification specification(ToolDefinition tool,
            ToolCallRunner runner) {
        McpSchema.Tool descriptor = McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(tool.inputSchema())
                .outputSchema(tool.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(null, tool.hints().readOnly(),
                        tool.hints().readOnly() ? null : tool.hints().destructive(), tool.hints().idempotent(),
                        tool.hints().openWorld(), null))
                .build();
        return new McpServerFeatures.AsyncToolSpecification(descriptor,
                (exchange, request) -> runner.run(tool, exchange, request));
    }

    @Override
    public void close() {
        catalog.removeListener(this);
        coalescer.close();
        server.closeGracefully().block(Duration.ofSeconds(5));
    }
}
