package io.mcpruntime.runtime.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * MCP over stdin/stdout: one session, newline-delimited JSON-RPC. Replaces the SDK's stdio transport, which
 * stalls at about ten concurrent calls: here every request is handled independently, replies are written under a
 * lock as whole lines, and {@code notifications/cancelled} disposes the named request (interrupting its tool).
 * Requests the SDK would hold are answered at once instead: those before {@code initialize} and, while the runtime
 * shuts down, all new ones.
 */
public final class StdioTransportProvider implements McpServerTransportProvider {
    private static final Logger LOG = LoggerFactory.getLogger(StdioTransportProvider.class);

    private final JsonRpcCheck check;
    private final RequestInterceptor interceptor;
    private final InputStream in;
    private final LineWriter out;
    private final StdioSessionTransport sessionTransport;
    private final Map<Object, Disposable.Swap> inFlight = new ConcurrentHashMap<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final InitializeFirst initializeFirst = new InitializeFirst();
    private volatile McpServerSession session;
    /** Server-initiated notifications wait for the client's {@code notifications/initialized}. */
    private volatile boolean initialized;

    /**
     * @param interceptor  the kernel's own answers, after this transport's: refusals while {@code shuttingDown},
     *                     {@code ping} at any time, refusals before {@code initialize}
     * @param shuttingDown whether the runtime drains, so that new requests are refused
     */
    public StdioTransportProvider(McpJsonMapper json, InputStream in, OutputStream out,
            RequestInterceptor interceptor, BooleanSupplier shuttingDown) {
        this.check = new JsonRpcCheck(json);
        this.interceptor = RequestInterceptor.firstOf(List.of(new DrainInterceptor(shuttingDown),
                new PingInterceptor(), initializeFirst, interceptor));
        this.in = in;
        this.out = new LineWriter(out);
        this.sessionTransport = new StdioSessionTransport(json, this.out, this.interceptor);
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        this.session = sessionFactory.create(sessionTransport);
    }

    /** Starts reading stdin on its own thread; {@link #awaitEnd()} returns when the client closes it. */
    public void start() {
        Thread reader = new Thread(this::readLoop, "mcp-stdio-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private void readLoop() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    dispatch(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("stdin closed: {}", e.toString());
        } finally {
            inFlight.values().forEach(Disposable::dispose);
            ended.countDown();
        }
    }

    private void dispatch(String line) {
        JsonRpcCheck.Outcome outcome = check.check(line);
        if (outcome instanceof JsonRpcCheck.Rejected rejected) {
            refuse(rejected, line.length());
            return;
        }
        McpSchema.JSONRPCMessage message = ((JsonRpcCheck.Accepted) outcome).message();
        if (message instanceof McpSchema.JSONRPCRequest request) {
            handleRequest(request);
        } else if (message instanceof McpSchema.JSONRPCNotification notification) {
            handleNotification(notification);
        } else {
            handleBySession(message); // a response to a request of the server's
        }
    }

    /** Answers a rejected line, unless nothing may answer it (then it is only logged). */
    private void refuse(JsonRpcCheck.Rejected rejected, int length) {
        LOG.warn("Refused a message on stdin ({} chars): {}", length, rejected.message());
        if (!rejected.noReply()) {
            out.writeLine(rejected.body());
        }
    }

    private void handleNotification(McpSchema.JSONRPCNotification notification) {
        if (!initializeFirst.initializeArrived()) {
            // the SDK would hold it until initialize (an early notifications/initialized would even open a
            // session without client info); there is no one to answer, so it is dropped
            LOG.debug("Dropped {} sent before initialize", notification.method());
        } else if (CancelledRequest.METHOD.equals(notification.method())) {
            cancel(CancelledRequest.requestId(notification.params()));
        } else {
            if (McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(notification.method())) {
                initialized = true;
            }
            handleBySession(notification);
        }
    }

    private void handleBySession(McpSchema.JSONRPCMessage message) {
        session.handle(message).subscribe(null, e -> LOG.warn("Handling {} failed: {}", message, e.toString()));
    }

    private void handleRequest(McpSchema.JSONRPCRequest request) {
        Disposable.Swap slot = Disposables.swap();
        inFlight.put(request.id(), slot);
        Mono<Object> intercepted = interceptor.intercept(request.method(), request.params(), session.getId(),
                RequestContexts.of(request.id()));
        if (intercepted == null) {
            sessionTransport.expectAnswer(request);
        }
        Mono<Void> handling = intercepted == null
                ? session.handle(request)
                        .contextWrite(c -> c.put(McpTransportContext.KEY, RequestContexts.of(request.id())))
                : answer(request, intercepted);
        slot.update(handling
                .doFinally(signal -> inFlight.remove(request.id(), slot))
                .subscribe(null, e -> LOG.warn("Request {} failed: {}", request.method(), e.toString())));
    }

    /** Writes the kernel's own answer to a request, as a result or (from an McpError) a JSON-RPC error. */
    private Mono<Void> answer(McpSchema.JSONRPCRequest request, Mono<Object> result) {
        return result
                .map(value -> new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), value, null))
                .onErrorResume(McpError.class, e -> Mono.just(new McpSchema.JSONRPCResponse(
                        McpSchema.JSONRPC_VERSION, request.id(), null, e.getJsonRpcError())))
                .doOnNext(sessionTransport::sendOwn)
                .then();
    }

    private void cancel(Object requestId) {
        Disposable call = requestId == null ? null : inFlight.remove(requestId);
        if (call != null) {
            LOG.debug("Request {} cancelled by the client", requestId);
            call.dispose();
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession current = session;
        return current == null || !initialized ? Mono.empty() : current.sendNotification(method, params);
    }

    /** To this transport's one session, if it is the one named. */
    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        McpServerSession current = session;
        return current != null && current.getId().equals(sessionId) ? notifyClients(method, params) : Mono.empty();
    }

    @Override
    public Mono<Void> closeGracefully() {
        McpServerSession current = session;
        return current == null ? Mono.empty() : current.closeGracefully();
    }
}
