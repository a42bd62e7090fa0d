package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcpruntime.testing.Notifications.LogMessage;
import io.mcpruntime.testing.Notifications.Progress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LogsAndProgressTest {
    @RegisterExtension
    final McpKit kit = McpKit.withPlugin(Fixtures.showcase());

    @Test
    void collectsTheCallsLogMessagesAndProgress() {
        McpTestClient client = kit.client();
        client.callTool("showcase_steps").assertText("3 steps");

        List<LogMessage> logs = client.notifications().awaitLogs(2);
        assertEquals(List.of("info starting", "debug finished"),
                logs.stream().map(log -> log.level() + " " + log.data()).toList());
        assertEquals(List.of(new Progress(1, 3.0, "step 1"), new Progress(2, 3.0, "step 2"),
                new Progress(3, 3.0, "step 3")), client.notifications().awaitProgress(3));
    }
}
