package io.mcpruntime.runtime.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ListChangedCoalescerTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final ListChangedCoalescer coalescer = coalescer(Duration.ofMillis(300));

    private ListChangedCoalescer coalescer(Duration quietPeriod) {
        return new ListChangedCoalescer(quietPeriod, (method, p) -> {
            sent.add(method);
            return Mono.empty();
        });
    }

    @Test
    void aBurstOfListChangesIsSentOncePerMethod() throws InterruptedException {
        // a quiet period no scheduling hiccup of a loaded machine comes near, so the burst is one burst
        ListChangedCoalescer coalescer = coalescer(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            coalescer.notifyClients("notifications/tools/list_changed", null).block();
        }
        coalescer.notifyClients("notifications/prompts/list_changed", null).block();
        awaitSent(2);
        Thread.sleep(600); // nothing else may follow
        coalescer.close();
        assertEquals(List.of("notifications/prompts/list_changed", "notifications/tools/list_changed"),
                sent.stream().sorted().toList());
    }

    @Test
    void otherNotificationsAreNotHeldBack() {
        coalescer.notifyClients("notifications/message", null).block();
        assertEquals(List.of("notifications/message"), sent);
    }

    @Test
    void laterChangesAreSentAgain() throws InterruptedException {
        coalescer.notifyClients("notifications/tools/list_changed", null).block();
        awaitSent(1);
        coalescer.notifyClients("notifications/tools/list_changed", null).block();
        awaitSent(2);
        assertEquals(2, sent.size());
    }

    private void awaitSent(int count) throws InterruptedException {
        for (int i = 0; i < 500 && sent.size() < count; i++) {
            Thread.sleep(10);
        }
        assertEquals(count, sent.size());
    }
}
