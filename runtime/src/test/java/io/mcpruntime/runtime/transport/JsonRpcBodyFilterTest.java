package io.mcpruntime.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The body's bound: read whole whether its length is declared or not, refused with 413 over the limit. */
class JsonRpcBodyFilterTest {
    private static final int LIMIT = 200;
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"x_echo\",\"arguments\":{\"message\":\"hi\"}}}";

    private final JsonRpcBodyFilter filter = new JsonRpcBodyFilter(new JacksonMcpJsonMapper(new ObjectMapper()),
            (method, params, session) -> null, LIMIT, () -> true);

    @Test
    void aBodyReachesTheSdkIntactWithOrWithoutADeclaredLength() throws Exception {
        byte[] body = CALL.getBytes(StandardCharsets.UTF_8);
        assertEquals(CALL, passed(body, body.length).body);
        assertEquals(CALL, passed(body, -1).body); // chunked
    }

    @Test
    void aBodyOverTheLimitGets413WhetherDeclaredOrNot() throws Exception {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + "a".repeat(LIMIT)
                + "\"}}";
        byte[] body = big.getBytes(StandardCharsets.UTF_8);
        Outcome declared = passed(body, body.length);
        assertNull(declared.body);
        assertEquals(413, declared.status);
        Outcome chunked = passed(body, -1);
        assertNull(chunked.body);
        assertEquals(413, chunked.status);
    }

    private record Outcome(String body, int status) {
    }

    private Outcome passed(byte[] body, long declaredLength) throws Exception {
        AtomicReference<String> reached = new AtomicReference<>();
        AtomicInteger status = new AtomicInteger(200);
        filter.doFilter(request(body, declaredLength), response(status), (req, res) -> reached.set(
                new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        return new Outcome(reached.get(), status.get());
    }

    private static HttpServletRequest request(byte[] body, long declaredLength) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
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
            }

            @Override
            public int read() {
                return in.read();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(JsonRpcBodyFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "POST";
                    case "getContentLengthLong" -> declaredLength;
                    case "getContentLength" -> (int) declaredLength;
                    case "getInputStream" -> stream;
                    default -> defaultOf(method.getReturnType());
                });
    }

    private static HttpServletResponse response(AtomicInteger status) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                out.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(JsonRpcBodyFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status.set((Integer) args[0]);
                        yield null;
                    }
                    case "getStatus" -> status.get();
                    case "getOutputStream" -> stream;
                    case "getWriter" -> new PrintWriter(out, true);
                    default -> defaultOf(method.getReturnType());
                });
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
