package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
            assertEquals(200, status(endpoint, "api.example.com", null));
            assertEquals(200, status(endpoint, "api.example.com:443", "https://app.example.com"));
            assertEquals(200, status(endpoint, "localhost", "http://localhost:3000"), "loopback stays allowed");
            assertEquals(421, status(endpoint, "evil.example.com", null));
            assertEquals(403, status(endpoint, "api.example.com", "https://evil.example.com"));
        }
    }

    @Test
    void anyOriginStillChecksTheHost() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins, Map.of("MCP_ALLOWED_ORIGINS", "*"))) {
            URI endpoint = URI.create(runtime.endpoint());
            assertEquals(200, status(endpoint, "localhost", "https://evil.example.com"));
            assertEquals(421, status(endpoint, "evil.example.com", "https://evil.example.com"));
        }
    }

    /** The status of an initialize sent with these Host and Origin headers (java.net.http refuses to set Host). */
    private static int status(URI endpoint, String host, String origin) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            String request = "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Content-Length: " + RawHttp.INITIALIZE.length() + "\r\nConnection: close\r\n\r\n"
                    + RawHttp.INITIALIZE;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
