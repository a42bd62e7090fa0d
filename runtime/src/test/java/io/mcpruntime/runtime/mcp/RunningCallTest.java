package io.mcpruntime.runtime.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpruntime.runtime.ops.KernelMetrics;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A call ends once, whichever end comes first, and a tool's thread carries no interrupt into its next job. */
class RunningCallTest {
    private final KernelMetrics metrics = new KernelMetrics(() -> 0, List::of);
    private final AtomicReference<RunningCall> call = new AtomicReference<>();

    private CompletableFuture<McpSchema.CallToolResult> start(Duration deadline) {
        return Mono.<McpSchema.CallToolResult>create(sink -> call.set(new RunningCall("slow", deadline, sink,
                cancelled -> new DetachedToolContext("test"), metrics))).toFuture();
    }

    @Test
    void aCallPastItsDeadlineIsAnsweredSoTheToolIsInterruptedAndItsLateResultDropped() throws Exception {
        CompletableFuture<McpSchema.CallToolResult> answer = start(Duration.ofSeconds(3));
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Boolean> interruptLeftOver = new CompletableFuture<>();
        Thread tool = new Thread(() -> {
            call.get().execute(() -> {
                running.countDown();
                try {
                    Thread.sleep(60_000);
                    return McpSchema.CallToolResult.builder().addTextContent("too late").build();
                } catch (InterruptedException e) {
                    return McpSchema.CallToolResult.builder().addTextContent("interrupted").build();
                }
            });
            interruptLeftOver.complete(Thread.currentThread().isInterrupted());
        });
        tool.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));

        call.get().expire();

        McpSchema.CallToolResult result = answer.get(10, TimeUnit.SECONDS);
        assertTrue(result.isError());
        assertEquals("Tool 'slow' timed out after 3 s and was cancelled",
                ((McpSchema.TextContent) result.content().get(0)).text());
        assertFalse(interruptLeftOver.get(10, TimeUnit.SECONDS), "the thread kept the tool's interrupt");
        assertTrue(metrics.endpoint().get().body().contains("outcome=\"timeout\""));
    }

    @Test
    void aCancelledCallGetsNoAnswerAndLaterEndsChangeNothing() throws Exception {
        CompletableFuture<McpSchema.CallToolResult> answer = start(Duration.ofSeconds(3));
        AtomicInteger ends = new AtomicInteger();
        call.get().onEnd(ends::incrementAndGet);

        call.get().cancel();
        call.get().expire();
        call.get().execute(() -> McpSchema.CallToolResult.builder().addTextContent("late").build());

        assertNull(answer.get(10, TimeUnit.SECONDS));
        assertEquals(1, ends.get());
        assertTrue(call.get().context().isCancelled());
    }

    @Test
    void aCallCancelledBeforeAThreadTookItUpNeverRunsItsTool() throws Exception {
        CompletableFuture<McpSchema.CallToolResult> answer = start(Duration.ofSeconds(3));
        AtomicInteger runs = new AtomicInteger();

        call.get().cancel();
        call.get().execute(() -> {
            runs.incrementAndGet();
            return McpSchema.CallToolResult.builder().addTextContent("ran anyway").build();
        });

        assertNull(answer.get(10, TimeUnit.SECONDS));
        assertEquals(0, runs.get());
    }

    @Test
    void anEndActionGivenAfterTheEndStillRuns() throws Exception {
        CompletableFuture<McpSchema.CallToolResult> answer = start(Duration.ofSeconds(3));
        call.get().execute(() -> McpSchema.CallToolResult.builder().addTextContent("done").build());
        AtomicInteger ends = new AtomicInteger();

        call.get().onEnd(ends::incrementAndGet);

        assertEquals(1, ends.get());
        assertFalse(answer.get(10, TimeUnit.SECONDS).isError());
    }
}
