package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's allow lists on the wire: {@code MCP_ALLOWED_HOSTS} and {@code MCP_ALLOWED_ORIGINS} admit the
 * names they list besides loopback and nothing else; {@code *} in the origin list admits any origin while the Host
 * check still holds.
 */
class AllowListsIT {
    @TempDir
    Path plugins;

    @Test
    void listedHostsAndOriginsAreAdmittedAndOthersRefused() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of(
                "MCP_ALLOWED_HOSTS", "api.example.com", "MCP_ALLOWED_ORIGINS", "https://app.example.com"))) {
            URI endpoint = URI.create(runtime.endpoint());
            assertEquals(200, RawHttp.statusWithHost(endpoint, "api.example.com", null));
            assertEquals(200, RawHttp.statusWithHost(endpoint, "api.example.com:443", "https://app.example.com"));
            assertEquals(200, RawHttp.statusWithHost(endpoint, "localhost", "http://localhost:3000"),
                    "loopback stays allowed");
            assertEquals(421, RawHttp.statusWithHost(endpoint, "evil.example.com", null));
            assertEquals(403, RawHttp.statusWithHost(endpoint, "api.example.com", "https://evil.example.com"));
        }
    }

    @Test
    void anyOriginStillChecksTheHost() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_ALLOWED_ORIGINS", "*"))) {
            URI endpoint = URI.create(runtime.endpoint());
            assertEquals(200, RawHttp.statusWithHost(endpoint, "localhost", "https://evil.example.com"));
            assertEquals(421, RawHttp.statusWithHost(endpoint, "evil.example.com", "https://evil.example.com"));
        }
    }
}
