package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit's kernel: what it serves with no plugin, and the runtime flags a test passes. */
class KernelStartTest {

    @Test
    void servesNothingButThePluginsByDefault() throws Exception {
        try (McpKit kit = McpKit.builder().build().start()) {
            assertEquals(List.of(), kit.client().toolNames());
            assertTrue(kit.bootTime().toNanos() > 0);
        }
    }

    @Test
    void passesRuntimeFlagsToTheKernel() throws Exception {
        try (McpKit kit = McpKit.builder().runtimeArgs("--admin-tools").build().start()) {
            assertTrue(kit.client().toolNames().contains("mcp_plugins"), kit.client().toolNames()::toString);
        }
    }
}
