package io.mcpruntime.testing;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a test client answers the server's sampling and elicitation requests, and what it was asked. Without a reply
 * set, a request fails, as it would with a client whose user never answers.
 */
final class CannedReplies {
    private volatile Function<McpSchema.CreateMessageRequest, McpSchema.CreateMessageResult> sampling =
            request -> {
                throw new IllegalStateException("The test set no sampling reply (McpTestClient.answerSampling)");
            };
    private volatile Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation =
            request -> {
                throw new IllegalStateException("The test set no elicitation reply (McpTestClient.answerElicitation)");
            };
    private final List<String> samplingPrompts = new ArrayList<>();
    private final List<String> elicitationMessages = new ArrayList<>();

    void sampling(Function<McpSchema.CreateMessageRequest, McpSchema.CreateMessageResult> reply) {
        this.sampling = reply;
    }

    void elicitation(Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> reply) {
        this.elicitation = reply;
    }

    McpSchema.CreateMessageResult sample(McpSchema.CreateMessageRequest request) {
        synchronized (samplingPrompts) {
            samplingPrompts.add(request.messages().stream()
                    .map(message -> message.content() instanceof McpSchema.TextContent text ? text.text() : "")
                    .collect(Collectors.joining("\n")));
        }
        return sampling.apply(request);
    }

    McpSchema.ElicitResult elicit(McpSchema.ElicitFormRequest request) {
        synchronized (elicitationMessages) {
            elicitationMessages.add(request.message());
        }
        return elicitation.apply(request);
    }

    List<String> samplingPrompts() {
        synchronized (samplingPrompts) {
            return List.copyOf(samplingPrompts);
        }
    }

    List<String> elicitationMessages() {
        synchronized (elicitationMessages) {
            return List.copyOf(elicitationMessages);
        }
    }
}
