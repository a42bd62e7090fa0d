package io.mcpruntime.runtime.transport;

import io.mcpruntime.api.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The kernel's handling of JSON-RPC bodies before the SDK's servlet: a body over the size limit gets 413, one that
 * {@link JsonRpcCheck} rejects a JSON-RPC error (400, or 200 for a request's bad params), a new request while the
 * runtime is not accepting gets 503, a message the kernel handles itself ({@link RequestInterceptor}) is answered
 * here; everything else reaches the SDK with its body intact.
 */
final class JsonRpcBodyFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcBodyFilter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final transient McpJsonMapper json;
    private final transient RequestInterceptor interceptor;
    private final int maxBodyBytes;
    private final transient BooleanSupplier accepting;
    private final transient JsonRpcCheck check;
    private final boolean answersInBody;

    /**
     * The filter of the Streamable HTTP endpoint, which answers requests in the POST's response.
     *
     * @param accepting false while the runtime starts or shuts down: new requests are refused (see DrainFilter)
     */
    JsonRpcBodyFilter(McpJsonMapper json, RequestInterceptor interceptor, int maxBodyBytes,
            BooleanSupplier accepting) {
        this(json, interceptor, maxBodyBytes, accepting, true);
    }

    private JsonRpcBodyFilter(McpJsonMapper json, RequestInterceptor interceptor, int maxBodyBytes,
            BooleanSupplier accepting, boolean answersInBody) {
        this.json = json;
        this.interceptor = interceptor;
        this.maxBodyBytes = maxBodyBytes;
        this.accepting = accepting;
        this.check = new JsonRpcCheck(json);
        this.answersInBody = answersInBody;
    }

    /**
     * The filter of the legacy SSE transport's {@code POST /message}: the same checks, but every answer goes over the
     * client's event stream, so the kernel intercepts nothing there and refuses what it rejects with 400.
     */
    static JsonRpcBodyFilter forLegacySse(McpJsonMapper json, int maxBodyBytes, BooleanSupplier accepting) {
        return new JsonRpcBodyFilter(json, (method, params, sessionId) -> null, maxBodyBytes, accepting, false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response); // errors sanitized by SanitizeErrorsFilter
            if ("DELETE".equals(request.getMethod()) && request.getHeader(SESSION_HEADER) != null
                    && response.getStatus() < 300) {
                interceptor.sessionClosed(request.getHeader(SESSION_HEADER));
            }
            return;
        }
        byte[] body = readBounded(request);
        if (body == null) {
            JsonRpcErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    McpSchema.ErrorCodes.INVALID_REQUEST, "Request body larger than " + maxBodyBytes + " bytes");
            return;
        }
        McpSchema.JSONRPCMessage message = parse(body, response);
        if (message == null) {
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest && !accepting.getAsBoolean()) {
            DrainFilter.refuse(response);
            return;
        }
        Mono<Object> intercepted = intercept(message, request.getHeader(SESSION_HEADER),
                RequestContexts.ofHttp(null, (Caller) request.getAttribute(OAuthFilter.CALLER)));
        if (intercepted == null) {
            if (message instanceof McpSchema.JSONRPCRequest rpc) {
                request.setAttribute(RequestContexts.ID, rpc.id()); // read back by the transport context extractor
            }
            chain.doFilter(new CachedBody(request, body), answeredBySdk(message, response));
        } else if (message instanceof McpSchema.JSONRPCRequest rpc) {
            answer(rpc, intercepted, response);
        } else {
            intercepted.onErrorResume(e -> Mono.empty()).block(TIMEOUT);
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
        }
    }

    /**
     * The response the SDK writes to: a request's is sanitized by SanitizeErrorsFilter already, and wrapped once more
     * only when the kernel amends the answer.
     */
    private HttpServletResponse answeredBySdk(McpSchema.JSONRPCMessage message, HttpServletResponse response) {
        if (message instanceof McpSchema.JSONRPCRequest rpc && interceptor.amends(rpc.method())) {
            return new SanitizedErrorResponse(response, SanitizedErrorResponse.Answering.REQUEST,
                    answer -> interceptor.amend(rpc.method(), answer));
        }
        SanitizedErrorResponse.Answering answering = answering(message);
        return answering == SanitizedErrorResponse.Answering.REQUEST ? response
                : new SanitizedErrorResponse(response, answering);
    }

    private static SanitizedErrorResponse.Answering answering(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCResponse) {
            return SanitizedErrorResponse.Answering.CLIENT_RESPONSE;
        }
        return message instanceof McpSchema.JSONRPCNotification ? SanitizedErrorResponse.Answering.NOTIFICATION
                : SanitizedErrorResponse.Answering.REQUEST;
    }

    /** The body, or null if it is larger than the limit. */
    private byte[] readBounded(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            if (length >= 0) {
                // the declared length, read into an array of that size: reading up to the limit would allocate an
                // 8 KiB buffer and a copy per call, a sixth of what a call allocates (docs/PERFORMANCE.md)
                return in.readNBytes((int) length);
            }
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }

    /**
     * The message, or null after answering a body that {@link JsonRpcCheck} rejects: with 200 a request's bad params
     * (a JSON-RPC error is that request's answer, over Streamable HTTP as over any transport), with 400 anything the
     * server cannot accept (the spec's status for it).
     */
    private McpSchema.JSONRPCMessage parse(byte[] body, HttpServletResponse response) throws IOException {
        JsonRpcCheck.Outcome outcome = check.check(new String(body, StandardCharsets.UTF_8));
        if (outcome instanceof JsonRpcCheck.Accepted accepted) {
            return accepted.message();
        }
        JsonRpcCheck.Rejected rejected = (JsonRpcCheck.Rejected) outcome;
        boolean answer = answersInBody && rejected.code() == McpSchema.ErrorCodes.INVALID_PARAMS
                && rejected.id() != null;
        response.setStatus(answer ? HttpServletResponse.SC_OK : HttpServletResponse.SC_BAD_REQUEST);
        writeJson(response, rejected.body());
        return null;
    }

    private Mono<Object> intercept(McpSchema.JSONRPCMessage message, String sessionId, McpTransportContext context) {
        try {
            if (message instanceof McpSchema.JSONRPCRequest rpc) {
                return interceptor.intercept(rpc.method(), rpc.params(), sessionId, context);
            }
            if (message instanceof McpSchema.JSONRPCNotification notification) {
                return interceptor.intercept(notification.method(), notification.params(), sessionId, context);
            }
            return null;
        } catch (RuntimeException e) {
            return Mono.error(McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Invalid params").build());
        }
    }

    private void answer(McpSchema.JSONRPCRequest rpc, Mono<Object> result, HttpServletResponse response)
            throws IOException {
        McpSchema.JSONRPCResponse answer;
        try {
            // unbounded here: each interceptor bounds its own answer (tasks/result waits for the task's end)
            answer = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, rpc.id(), result.block(), null);
        } catch (McpError e) {
            answer = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, rpc.id(), null, e.getJsonRpcError());
        } catch (RuntimeException e) {
            LOG.error("Answering {} failed", rpc.method(), e);
            answer = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, rpc.id(), null,
                    new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error",
                            null));
        }
        response.setStatus(HttpServletResponse.SC_OK);
        writeJson(response, json.writeValueAsString(answer));
    }

    private static void writeJson(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body read once and served again. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
