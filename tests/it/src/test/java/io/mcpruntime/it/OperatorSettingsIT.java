package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Settings an operator uses to shape what is served: tag filters, strict arguments, the kernel's own tools and
 * how much of an unexpected failure a client sees.
 */
class OperatorSettingsIT {
    @RegisterExtension
    final ExamplePluginFolder plugins = new ExamplePluginFolder();

    @Test
    void anExcludedTagHidesToolsFromListingAndCalling() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), Map.of("MCP_EXCLUDE_TAGS", "slow"));
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            List<String> tools = Clients.pluginToolNames(client);
            assertTrue(tools.contains("example_echo"));
            assertTrue(!tools.contains("example_countdown"), tools.toString());
            McpError direct = assertThrows(McpError.class,
                    () -> Clients.call(client, "example_countdown", Map.of("seconds", 1)));
            assertTrue(direct.getMessage().startsWith("Unknown tool"));
            McpSchema.CallToolResult routed = Clients.call(client, "mcp_call_tool",
                    Map.of("name", "example_countdown", "arguments", Map.of("seconds", 1)));
            assertTrue(routed.isError(), "the router cannot reach a filtered tool either");
        }
    }

    @Test
    void anIncludeListServesOnlyToolsWithOneOfItsTags() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--include-tags", "basic");
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            assertEquals(List.of("example_echo"), Clients.pluginToolNames(client));
            assertEquals(List.of("example_echo", "mcp_audit", "mcp_call_tool", "mcp_find_tools", "mcp_plugins"),
                    client.listTools().tools().stream().map(t -> t.name()).sorted().toList(),
                    "the kernel's own tools are not filtered");
        }
    }

    @Test
    void strictArgumentsRejectStringifiedJsonNamingTheField() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), "--no-repair-arguments");
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            McpSchema.CallToolResult result = Clients.call(client, "example_stats", Map.of("values", "[1,2]"));
            assertTrue(result.isError());
            assertEquals("Invalid arguments for tool 'example_stats': /values: string found, array expected",
                    Clients.text(result));
        }
    }

    @ParameterizedTest
    @CsvSource({"--no-router-tools, mcp_audit mcp_plugins", "--no-admin-tools, mcp_call_tool mcp_find_tools"})
    void kernelToolsCanBeTurnedOff(String flag, String left) throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), flag);
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            assertEquals(List.of(left.split(" ")), Clients.kernelToolNames(client));
            assertTrue(Clients.pluginToolNames(client).contains("example_echo"));
        }
    }

    @Test
    void unexpectedFailuresReachTheClientMaskedByDefault() throws Exception {
        assertInternalErrors("");
    }

    @Test
    void unmaskedFailuresCarryTheirMessageButNoClassName() throws Exception {
        assertInternalErrors(": the quota of /var/data is exhausted", "--no-mask-error-details");
    }

    /** The throwing fixture's tools (a plain exception, and one wrapping another) fail with this detail. */
    private void assertInternalErrors(String detail, String... flags) throws Exception {
        Fixtures.drop("throwing.jar", plugins.path(), "throwing.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins.path(), flags);
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            for (String tool : List.of("throwing_fail", "throwing_wrapped")) {
                McpSchema.CallToolResult result = Clients.call(client, tool, Map.of());
                assertTrue(result.isError());
                assertEquals("Tool '" + tool + "' failed with an internal error" + detail, Clients.text(result));
            }
        }
    }
}
