package io.mcpruntime.runtime.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.api.ClientInfo;
import io.mcpruntime.api.ElicitResult;
import io.mcpruntime.api.LogLevel;
import io.mcpruntime.api.PromptMessage;
import io.mcpruntime.api.Root;
import io.mcpruntime.api.SamplingRequest;
import io.mcpruntime.api.SamplingResult;
import io.mcpruntime.runtime.transport.RequestContexts;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The {@link io.mcpruntime.api.ToolContext} of one call, backed by the SDK's exchange. Nothing here throws at
 * plugin code: a client that went away or lacks a capability only makes messages disappear and requests answer
 * "nothing". A failed send means the client left (the SDK does not notice that itself), so the call is cancelled.
 */
final class ExchangeToolContext extends CancellableToolContext {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeToolContext.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper SCHEMA_READER = new ObjectMapper();

    private final McpAsyncServerExchange exchange;
    private final Object progressToken;
    private final String loggerName;
    private final Duration requestTimeout;
    private final Runnable clientGone;

    /** @param clientGone run when a send to the client fails: it left, so the call is cancelled */
    ExchangeToolContext(McpAsyncServerExchange exchange, Object progressToken, String loggerName,
            Duration requestTimeout, Runnable clientGone) {
        super(RequestContexts.caller(exchange.transportContext()));
        this.exchange = exchange;
        this.progressToken = progressToken;
        this.loggerName = loggerName;
        this.requestTimeout = requestTimeout;
        this.clientGone = clientGone;
    }

    @Override
    public void log(LogLevel level, String message) {
        send(exchange.loggingNotification(new McpSchema.LoggingMessageNotification(
                McpSchema.LoggingLevel.valueOf(level.name()), loggerName, message)));
    }

    @Override
    public void progress(double progress, Double total, String message) {
        if (progressToken != null) {
            send(exchange.progressNotification(
                    new McpSchema.ProgressNotification(progressToken, progress, total, message)));
        }
    }

    @Override
    public ClientInfo client() {
        McpSchema.Implementation info = exchange.getClientInfo();
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        return new ClientInfo(info == null ? null : info.name(), info == null ? null : info.version(),
                capabilities != null && capabilities.sampling() != null,
                capabilities != null && capabilities.elicitation() != null,
                capabilities != null && capabilities.roots() != null);
    }

    @Override
    public Optional<SamplingResult> sample(SamplingRequest request) {
        if (!client().sampling()) {
            return Optional.empty();
        }
        McpSchema.CreateMessageRequest sdkRequest = McpSchema.CreateMessageRequest.builder()
                .messages(request.messages().stream().map(ExchangeToolContext::toSdk).toList())
                .systemPrompt(request.systemPrompt())
                .maxTokens(request.maxTokens())
                .temperature(request.temperature())
                .modelPreferences(request.modelHints().isEmpty() ? null : McpSchema.ModelPreferences.builder()
                        .hints(request.modelHints().stream().map(McpSchema.ModelHint::new).toList()).build())
                .build();
        return ask(exchange.createMessage(sdkRequest)).map(result -> new SamplingResult(
                SdkContent.fromSdk(result.content()), result.model(),
                result.stopReason() == null ? null : result.stopReason().name()));
    }

    @Override
    public ElicitResult elicit(String message, String requestedSchema) {
        if (!client().elicitation()) {
            return new ElicitResult(ElicitResult.Action.CANCEL, Map.of());
        }
        Map<String, Object> schema;
        try {
            schema = SCHEMA_READER.readValue(requestedSchema, new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException("The elicitation schema is not JSON: " + e.getMessage(), e);
        }
        return ask(exchange.createElicitation(McpSchema.ElicitFormRequest.builder(message, schema).build()))
                .map(result -> new ElicitResult(ElicitResult.Action.valueOf(result.action().name()),
                        result.content()))
                .orElse(new ElicitResult(ElicitResult.Action.CANCEL, Map.of()));
    }

    @Override
    public List<Root> roots() {
        if (!client().roots()) {
            return List.of();
        }
        return ask(exchange.listRoots())
                .map(result -> result.roots().stream().map(r -> new Root(r.uri(), r.name())).toList())
                .orElse(List.of());
    }

    private static McpSchema.SamplingMessage toSdk(PromptMessage message) {
        return new McpSchema.SamplingMessage(McpSchema.Role.valueOf(message.role().name()),
                SdkContent.toSdk(message.content()));
    }

    /** Sends a request to the client and waits, bounded; empty on any failure or if the call was cancelled. */
    private <T> Optional<T> ask(Mono<T> request) {
        if (isCancelled()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(request.block(requestTimeout));
        } catch (RuntimeException e) {
            LOG.debug("A request to the client for a call of {} got no answer: {}", loggerName, e.toString());
            return Optional.empty();
        }
    }

    private void send(Mono<Void> notification) {
        if (isCancelled()) {
            return;
        }
        try {
            notification.block(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.debug("The client of a call of {} is gone ({}); cancelling the call", loggerName, e.toString());
            clientGone.run();
        }
    }
}
