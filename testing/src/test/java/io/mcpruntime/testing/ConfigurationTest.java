package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ConfigAdmin configuration set before the plugin starts, changed and removed while it runs; no call is lost while a
 * change re-activates the plugin.
 */
class ConfigurationTest {
    @RegisterExtension
    final McpKit kit = McpKit.builder()
            .configuration("greeter", Map.of("greeting", "Howdy"))
            .plugin(Fixtures.greeter())
            .build();

    @Test
    void thePluginStartsWithItsConfiguration() {
        kit.client().callTool("greeter_greet", Map.of("name", "Ann")).assertText("Howdy, Ann!");
    }

    @Test
    void reconfiguresAndUnconfiguresTheRunningPlugin() {
        kit.configure("greeter", Map.of("greeting", "Hi"));
        kit.client().callTool("greeter_greet", Map.of("name", "Ann")).assertText("Hi, Ann!");

        kit.removeConfiguration("greeter");
        kit.client().callTool("greeter_greet", Map.of("name", "Ann")).assertText("Hello, Ann!");
    }

    /** Calls made while the component goes and comes back wait for the new one, as for a replaced jar. */
    @Test
    void noCallIsLostWhileThePluginIsReconfigured() throws Exception {
        AtomicBoolean calling = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        Queue<String> lost = new ConcurrentLinkedQueue<>();
        Thread caller = new Thread(() -> {
            while (calling.get()) {
                try {
                    String text = kit.client().callTool("greeter_greet", Map.of("name", "Ann")).text();
                    if (text.endsWith(", Ann!")) {
                        answered.incrementAndGet();
                    } else {
                        lost.add(text);
                    }
                } catch (RuntimeException e) {
                    lost.add(e.getMessage());
                }
            }
        });
        caller.start();
        try {
            for (String greeting : List.of("Hi", "Hey", "Hello there", "Good day", "Hi")) {
                kit.configure("greeter", Map.of("greeting", greeting));
            }
        } finally {
            calling.set(false);
            caller.join();
        }
        assertEquals(List.of(), List.copyOf(lost), "calls lost while the greeter was reconfigured");
        assertTrue(answered.get() > 0);
    }
}
