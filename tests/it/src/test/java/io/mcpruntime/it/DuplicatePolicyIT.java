package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second plugin claims the namespace of one already serving (another bundle whose tools are also greeter_*).
 * Under "error" the first keeps it and the newcomer is refused with a log line; under "warn" and "replace" the
 * newcomer takes over, and the first comes back when the newcomer leaves.
 */
class DuplicatePolicyIT {
    private static final Map<String, Object> ANN = Map.of("name", "Ann");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path plugins;

    @TempDir
    Path scratch;

    @ParameterizedTest
    @CsvSource({
        "error,   1.0.0, ERROR",
        "warn,    9.0.0, WARN",
        "replace, 9.0.0, INFO"
    })
    void theNamespaceGoesToThePluginThePolicySays(String policy, String winner, String level) throws Exception {
        Fixtures.drop("greeter.jar", plugins, "greeter.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, "--on-duplicate", policy);
                McpSyncClient client = Clients.sync(Clients.http(runtime.endpoint()))) {
            assertEquals("Hello, Ann from greeter 1.0.0", hello(client));

            Path impostor = Fixtures.withHeaders("greeter.jar", Map.of(
                    "Bundle-SymbolicName", "io.mcpruntime.fixtures.impostor.greeter", "Bundle-Version", "9.0.0"),
                    scratch.resolve("impostor.jar"));
            Files.copy(impostor, plugins.resolve("impostor.jar"));
            String shadowed = "1.0.0".equals(winner) ? "io.mcpruntime.fixtures.impostor.greeter 9.0.0"
                    : "io.mcpruntime.fixtures.greeter 1.0.0";
            runtime.awaitStderr(Pattern.compile(level + " .*greeter_hello of plugin " + Pattern.quote(shadowed)
                    + " not served: .*MCP_ON_DUPLICATE=" + policy), WAIT);
            assertEquals("Hello, Ann from greeter " + winner, hello(client));
            Map<?, ?> loser = Clients.pluginStatus(client, "1.0.0".equals(winner) ? "impostor.jar" : "greeter.jar");
            assertEquals(Map.of("greeter_hello", "namespace 'greeter' belongs to plugin " + ("1.0.0".equals(winner)
                    ? "io.mcpruntime.fixtures.greeter 1.0.0" : "io.mcpruntime.fixtures.impostor.greeter 9.0.0")),
                    loser.get("refused"), "the refused plugin shows why");
            Map<?, ?> arrival = Clients.audit(client).stream()
                    .filter(e -> "io.mcpruntime.fixtures.impostor.greeter".equals(e.get("plugin"))).findFirst()
                    .orElseThrow();
            assertEquals(policy, arrival.get("policy"));
            assertEquals("1.0.0".equals(winner) ? List.of() : List.of("greeter_hello"), arrival.get("replaced"),
                    "the audit says what the newcomer replaced");

            Files.delete(plugins.resolve("impostor.jar"));
            Clients.awaitText(client, "greeter_hello", ANN, "Hello, Ann from greeter 1.0.0", WAIT);
        }
    }

    private static String hello(McpSyncClient client) {
        return Clients.text(Clients.call(client, "greeter_hello", ANN));
    }
}
