package io.mcpruntime.runtime.transport;

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
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Lets the kernel answer the requests it serves itself ({@link RequestInterceptor}) on Streamable HTTP; every other
 * request reaches the SDK's servlet with its body intact.
 */
final class InterceptFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(InterceptFilter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final transient McpJsonMapper json;
    private final transient RequestInterceptor interceptor;

    InterceptFilter(McpJsonMapper json, RequestInterceptor interceptor) {
        this.json = json;
        this.interceptor = interceptor;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        McpSchema.JSONRPCRequest rpc = request.getHeader("Mcp-Session-Id") == null ? null : parseRequest(body);
        Mono<Object> intercepted = rpc == null ? null : interceptor.intercept(rpc.method(), rpc.params());
        if (intercepted == null) {
            chain.doFilter(new CachedBody(request, body), response);
            return;
        }
        McpSchema.JSONRPCResponse answer;
        try {
            answer = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, rpc.id(), intercepted.block(TIMEOUT),
                    null);
        } catch (McpError e) {
            answer = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, rpc.id(), null, e.getJsonRpcError());
        } catch (RuntimeException e) {
            LOG.error("Answering {} failed", rpc.method(), e);
            answer = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, rpc.id(), null,
                    new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                            "Internal error", null));
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The body as a JSON-RPC request, or null: requests without a session (initialize, session errors) and
     * malformed bodies stay with the SDK.
     */
    private McpSchema.JSONRPCRequest parseRequest(byte[] body) {
        try {
            return McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8))
                    instanceof McpSchema.JSONRPCRequest request ? request : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
