package io.mcpruntime.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpruntime.testing.Notifications.ListKind;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An MCP client connected to the kit's kernel: the MCP Java SDK's own client, with helpers that keep the common
 * cases free of SDK types. It advertises sampling and elicitation and answers them with the replies the test sets;
 * it asks for every log level; it records what the server notifies ({@link #notifications()}).
 */
public final class McpTestClient implements AutoCloseable {
    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final McpAsyncClient sdk;
    private final Notifications notifications;
    private final CannedReplies replies;

    private McpTestClient(McpAsyncClient sdk, Notifications notifications, CannedReplies replies) {
        this.sdk = sdk;
        this.notifications = notifications;
        this.replies = replies;
    }

    /**
     * Connects the SDK's asynchronous client: its sync variant hands each notification to a pool thread, which can
     * reorder them; here they are recorded on the reading thread, in the order the server sent them.
     */
    static McpTestClient connect(InProcessKernel kernel) {
        Notifications notifications = new Notifications();
        CannedReplies replies = new CannedReplies();
        McpAsyncClient sdk = McpClient.async(kernel.connect(JSON))
                .clientInfo(new McpSchema.Implementation("mcp-runtime-testing", "1.0"))
                .requestTimeout(REQUEST_TIMEOUT)
                .capabilities(McpSchema.ClientCapabilities.builder().sampling().elicitation().build())
                .sampling(request -> offThread(() -> replies.sample(request)))
                .elicitation(request -> offThread(() -> replies.elicit(request)))
                .toolsChangeConsumer(tools -> inline(() -> notifications.listChanged(ListKind.TOOLS,
                        names(tools, McpSchema.Tool::name))))
                .resourcesChangeConsumer(resources -> inline(() -> notifications.listChanged(ListKind.RESOURCES,
                        names(resources, McpSchema.Resource::uri))))
                .promptsChangeConsumer(prompts -> inline(() -> notifications.listChanged(ListKind.PROMPTS,
                        names(prompts, McpSchema.Prompt::name))))
                .loggingConsumer(message -> inline(() -> notifications.log(message)))
                .progressConsumer(progress -> inline(() -> notifications.progress(progress)))
                .build();
        sdk.initialize().block();
        sdk.setLoggingLevel(McpSchema.LoggingLevel.DEBUG).block();
        return new McpTestClient(sdk, notifications, replies);
    }

    private static Mono<Void> inline(Runnable record) {
        return Mono.fromRunnable(record);
    }

    /** Replies the test supplies may take their time; the reading thread must not wait for them. */
    private static <T> Mono<T> offThread(Callable<T> reply) {
        return Mono.fromCallable(reply).subscribeOn(Schedulers.boundedElastic());
    }

    private static <T> Set<String> names(List<T> listed, Function<T, String> name) {
        return listed.stream().map(name).collect(Collectors.toSet());
    }

    /** The names of the tools served now, in the server's order. */
    public List<String> toolNames() {
        return tools().stream().map(McpSchema.Tool::name).toList();
    }

    /**
     * Waits until the tools served satisfy the condition, listing again after each tools/list_changed; returns
     * their names. For tools a plugin registers on its own in reaction to something (a configuration, a data
     * source coming up): {@code awaitToolNames(names -> names.contains("sql_execute"))}.
     */
    public List<String> awaitToolNames(Predicate<List<String>> expected) {
        while (true) {
            int heard = notifications.listChangedCount(ListKind.TOOLS);
            List<String> names = toolNames();
            if (expected.test(names)) {
                return names;
            }
            notifications.awaitMoreThan(ListKind.TOOLS, heard, () -> "the tools to change from " + names);
        }
    }

    /** The tools served now, with their schemas and annotations. */
    public List<McpSchema.Tool> tools() {
        return sdk.listTools().block().tools();
    }

    /** The URIs of the resources served now. */
    public List<String> resourceUris() {
        return sdk.listResources().block().resources().stream().map(McpSchema.Resource::uri).toList();
    }

    /** The URI templates of the resource templates served now. */
    public List<String> resourceTemplates() {
        return sdk.listResourceTemplates().block().resourceTemplates().stream()
                .map(McpSchema.ResourceTemplate::uriTemplate).toList();
    }

    /** The names of the prompts served now. */
    public List<String> promptNames() {
        return sdk.listPrompts().block().prompts().stream().map(McpSchema.Prompt::name).toList();
    }

    /**
     * Calls a tool, asking for progress (a fresh progress token), so the plugin's progress reports reach
     * {@link #notifications()}.
     */
    public ToolResponse callTool(String name, Map<String, ?> arguments) {
        return new ToolResponse(sdk.callTool(McpSchema.CallToolRequest.builder(name)
                .arguments(new HashMap<>(arguments))
                .progressToken(UUID.randomUUID().toString())
                .build()).block());
    }

    public ToolResponse callTool(String name) {
        return callTool(name, Map.of());
    }

    public ResourceResponse readResource(String uri) {
        return new ResourceResponse(sdk.readResource(new McpSchema.ReadResourceRequest(uri)).block());
    }

    public PromptResponse getPrompt(String name, Map<String, ?> arguments) {
        return new PromptResponse(
                sdk.getPrompt(new McpSchema.GetPromptRequest(name, new HashMap<>(arguments))).block());
    }

    public PromptResponse getPrompt(String name) {
        return getPrompt(name, Map.of());
    }

    /** Answers every sampling request from now on with this text, as model "mcp-kit". */
    public McpTestClient answerSampling(String text) {
        return onSampling(request -> McpSchema.CreateMessageResult.builder()
                .role(McpSchema.Role.ASSISTANT)
                .content(new McpSchema.TextContent(text))
                .model("mcp-kit")
                .stopReason(McpSchema.CreateMessageResult.StopReason.END_TURN)
                .build());
    }

    /** Answers sampling requests with a function of the request (SDK types). */
    public McpTestClient onSampling(Function<McpSchema.CreateMessageRequest, McpSchema.CreateMessageResult> reply) {
        replies.sampling(reply);
        return this;
    }

    /** Accepts every elicitation from now on with this form content. */
    public McpTestClient answerElicitation(Map<String, ?> content) {
        return onElicitation(request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT,
                new HashMap<>(content)));
    }

    /** Declines every elicitation from now on (the user said no). */
    public McpTestClient declineElicitation() {
        return onElicitation(request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null));
    }

    /** Answers elicitations with a function of the request (SDK types). */
    public McpTestClient onElicitation(Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> reply) {
        replies.elicitation(reply);
        return this;
    }

    /** The text of each sampling request received so far (its messages joined by new lines). */
    public List<String> samplingPrompts() {
        return replies.samplingPrompts();
    }

    /** The message of each elicitation received so far. */
    public List<String> elicitationMessages() {
        return replies.elicitationMessages();
    }

    public Notifications notifications() {
        return notifications;
    }

    /**
     * The SDK's (asynchronous) client itself, for anything the helpers do not cover: completions, roots, pagination,
     * cancellation. Block on its results in a test: {@code sdkClient().ping().block()}.
     */
    public McpAsyncClient sdkClient() {
        return sdk;
    }

    @Override
    public void close() {
        sdk.closeGracefully().block(REQUEST_TIMEOUT);
    }
}
