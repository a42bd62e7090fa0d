package io.mcpruntime.sql.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.sqlserver.jdbc.SqlAuthenticationToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSettingsTest {

    @Test
    void defaultsAreTheIssuesAndTheSeedsVariablesOverrideThem() {
        SourceSettings plain = SourceSettings.read("s", Map.of("url", "jdbc:sqlserver://db:1433")::get, Map.of());
        assertTrue(plain.readOnly());
        assertEquals(Duration.ofSeconds(30), plain.queryTimeout());
        assertEquals(3, plain.retryAttempts());
        assertEquals(Duration.ofSeconds(2), plain.retryDelay());
        assertEquals(5, plain.breakerFailures());
        assertEquals(0.1, plain.breakerErrorRate());
        assertEquals(Duration.ofSeconds(300), plain.breakerCooldown());
        assertEquals(Duration.ofSeconds(60), plain.healthInterval());
        assertEquals(10485760, plain.maxBytes());

        SourceSettings seeded = SourceSettings.read("s", Map.of("url", "jdbc:sqlserver://db", "retryDelay", "0.5")::get,
                Map.of("MCP_CONNECTION_RETRY_ATTEMPTS", "4", "MCP_CONNECTION_RETRY_DELAY", "9",
                        "MCP_MAX_STREAM_SIZE", "1000", "MCP_ERROR_RECOVERY_COOLDOWN", "12"));
        assertEquals(4, seeded.retryAttempts());
        assertEquals(Duration.ofMillis(500), seeded.retryDelay(), "the source's own setting wins");
        assertEquals(1000, seeded.maxBytes());
        assertEquals(Duration.ofSeconds(12), seeded.breakerCooldown());
    }

    @Test
    void environmentNamesFollowTheKeys() {
        assertEquals("MCP_SQL_QUERY_TIMEOUT", SourceSettings.environmentName("queryTimeout"));
        assertEquals("MCP_SQL_URL", SourceSettings.environmentName("url"));
        assertEquals("MCP_SQL_PASSWORD_FILE", SourceSettings.environmentName("passwordFile"));
    }

    @Test
    void wrongValuesNameTheirKey() {
        assertEquals("url is required", assertThrows(IllegalArgumentException.class,
                () -> SourceSettings.read("s", Map.<String, String>of()::get, Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SourceSettings.read("s",
                Map.of("url", "jdbc:h2:mem:x", "maxRows", "lots")::get, Map.of())).getMessage().startsWith("maxRows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SourceSettings.read("s",
                Map.of("url", "jdbc:h2:mem:x", "authentication", "kerberos")::get, Map.of())).getMessage()
                .contains("sql or token"));
    }

    @Test
    void secretsComeFromFilesVariablesAndCommands(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\n");
        assertEquals("from-file", new Secret("password", null, file.toString(), null, null, Map.of()).read());
        assertEquals("from-env", new Secret("password", null, null, "PW", null, Map.of("PW", "from-env")).read());
        assertEquals("from-command", new Secret("token", null, null, null, "echo from-command", Map.of()).read());
        assertThrows(IOException.class, () -> new Secret("token", null, null, null, "exit 3", Map.of()).read());
        assertEquals("after-noise", new Secret("token", null, null, null,
                "head -c 300000 /dev/zero >&2; echo after-noise", Map.of()).read(), "more stderr than a pipe holds");
        assertFalse(new Secret("password", "x", null, null, null, Map.of()).toString().contains("x"));
    }

    @Test
    void theTokenCallbackHandsTheDriverTheTokenWithItsExpiry(@TempDir Path dir) throws IOException {
        long exp = Instant.now().plusSeconds(3600).getEpochSecond();
        String claims = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"aud\":\"https://database.windows.net/\",\"exp\":" + exp + "}")
                        .getBytes(StandardCharsets.UTF_8));
        String jwt = "eyJhbGciOiJub25lIn0." + claims + ".sig";
        Path file = Files.writeString(dir.resolve("token"), jwt);
        SourceSettings settings = SourceSettings.read("azure", Map.of("url", "jdbc:sqlserver://x.database.windows.net",
                "authentication", "token", "tokenFile", file.toString())::get, Map.of());
        SqlAuthenticationToken token = new AccessTokenCallback(settings.accessToken())
                .getAccessToken("https://database.windows.net/", "https://login.microsoftonline.com/");
        assertEquals(jwt, token.getAccessToken());
        assertEquals(exp * 1000, token.getExpiresOn().getTime());
    }
}
