package io.mcpruntime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar overwritten twice (as cp does) while two clients call tools without pause: not one call fails,
 * neither for the replaced plugin nor for the other one, and the newest version ends up answering.
 */
class HotSwapIT {
    /** The calls go on past the swap grace (3 s), after which nothing of the replaced version is left. */
    private static final Duration PAST_SWAP_GRACE = Duration.ofMillis(3500);

    @TempDir
    Path plugins;

    @TempDir
    Path scratch;

    @Test
    void replacingAJarTwiceLosesNoCall() throws Exception {
        Fixtures.drop("example.jar", plugins, "example.jar");
        Fixtures.drop("greeter.jar", plugins, "greeter.jar");
        try (RuntimeProcess runtime = RuntimeProcess.startHttp(plugins);
                McpSyncClient greeterClient = Clients.sync(Clients.http(runtime.endpoint()));
                McpSyncClient echoClient = Clients.sync(Clients.http(runtime.endpoint()))) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> failures = new CopyOnWriteArrayList<>();
            List<String> answers = new CopyOnWriteArrayList<>();
            AtomicInteger calls = new AtomicInteger();
            Thread greeter = caller(running, failures, calls, () -> {
                String answer = Clients.text(expectSuccess(Clients.call(greeterClient, "greeter_hello",
                        Map.of("name", "Ann"))));
                answers.add(answer);
            });
            Thread echo = caller(running, failures, calls, () -> expectSuccess(Clients.call(echoClient, "example_echo",
                    Map.of("message", "ping"))));

            try {
                awaitAnswered(answers, "1.0.0");
                for (String version : List.of("2.0.0", "3.0.0")) {
                    Path next = Fixtures.withBundleVersion("greeter.jar", version, scratch.resolve(version + ".jar"));
                    // rewritten in place, as cp does: Files.copy with REPLACE_EXISTING unlinks the old file first, a
                    // removal and an add, which the runtime rightly serves as such when its scan falls in between
                    Files.write(plugins.resolve("greeter.jar"), Files.readAllBytes(next));
                    awaitAnswered(answers, version);
                    Thread.sleep(PAST_SWAP_GRACE.toMillis());
                }
            } finally {
                running.set(false);
                greeter.join(30_000);
                echo.join(30_000);
            }

            assertEquals(List.of(), failures, "failed calls out of " + calls.get());
            assertTrue(calls.get() > 50, "calls made: " + calls.get());
            assertEquals("Hello, Ann from greeter 3.0.0", answers.get(answers.size() - 1));
            assertTrue(answers.contains("Hello, Ann from greeter 1.0.0"));
        }
    }

    /** Waits until the greeter has answered from this version: its jar has been swapped in. */
    private static void awaitAnswered(List<String> answers, String version) throws Exception {
        String answer = "Hello, Ann from greeter " + version;
        Await.until(() -> answers.contains(answer), Boolean::booleanValue, Duration.ofSeconds(30),
                "an answer from greeter " + version);
    }

    private static McpSchema.CallToolResult expectSuccess(McpSchema.CallToolResult result) {
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException(Clients.text(result));
        }
        return result;
    }

    private static Thread caller(AtomicBoolean running, List<String> failures, AtomicInteger calls, Runnable call) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
                calls.incrementAndGet();
            }
        });
        thread.start();
        return thread;
    }
}
