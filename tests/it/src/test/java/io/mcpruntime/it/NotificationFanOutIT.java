package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every connected HTTP session hears of a change, and a plugin with 20 tools is one notification, not 20. */
class NotificationFanOutIT {
    @TempDir
    Path plugins;

    @Test
    void twoClientsEachGetExactlyOneNotificationForTwentyTools() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins)) {
            ListChangedRecorder first = new ListChangedRecorder();
            ListChangedRecorder second = new ListChangedRecorder();
            try (McpSyncClient a = Clients.sync(Clients.http(runtime.endpoint()), first);
                    McpSyncClient b = Clients.sync(Clients.http(runtime.endpoint()), second)) {
                Fixtures.drop("twenty.jar", plugins, "twenty.jar");

                first.awaitCount(1, Duration.ofSeconds(10));
                second.awaitCount(1, Duration.ofSeconds(10));
                Thread.sleep(1500); // room for any straggler notification to arrive
                assertEquals(1, first.count(), "notifications to the first client");
                assertEquals(1, second.count(), "notifications to the second client");

                List<String> expected = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("twenty_t%02d", i))
                        .toList();
                assertEquals(expected, Clients.pluginToolNames(a));
                assertEquals(expected, Clients.pluginToolNames(b));
            }
        }
    }
}
