package io.mcpruntime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sampling and elicitation requests of a plugin, answered with canned replies. */
class ClientRequestsTest {
    @RegisterExtension
    final McpKit kit = McpKit.withPlugin(Fixtures.showcase());

    @Test
    void answersSampling() {
        McpTestClient client = kit.client().answerSampling("42");
        client.callTool("showcase_ask", Map.of("question", "six times seven?")).assertText("model says: 42");
        assertEquals(List.of("six times seven?"), client.samplingPrompts());
    }

    @Test
    void aSamplingRequestWithoutReplyFails() {
        kit.client().callTool("showcase_ask", Map.of("question", "anyone?")).assertText("no answer");
    }

    @Test
    void acceptsOrDeclinesElicitation() {
        McpTestClient client = kit.client().answerElicitation(Map.of("name", "Ann"));
        client.callTool("showcase_askName").assertText("hello Ann");
        client.declineElicitation().callTool("showcase_askName").assertText("decline");
        assertEquals(List.of("What is your name?", "What is your name?"), client.elicitationMessages());
    }
}
