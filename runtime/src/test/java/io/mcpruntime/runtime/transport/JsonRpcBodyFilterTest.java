package io.mcpruntime.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The body's bound, on a real Jetty: a body reaches the servlet behind the filter whole whether the client declared
 * its length or sent it chunked, and one over the limit is refused with 413 either way.
 */
class JsonRpcBodyFilterTest {
    private static final int LIMIT = 200;
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"x_echo\",\"arguments\":{\"message\":\"hi\"}}}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Server server;
    private URI endpoint;

    @BeforeEach
    void start() throws Exception {
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new JsonRpcBodyFilter(new JacksonMcpJsonMapper(new ObjectMapper()),
                (method, params, session) -> null, LIMIT, () -> true)), "/mcp", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() { // what the SDK's servlet would read
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getOutputStream().write(request.getInputStream().readAllBytes());
            }
        }), "/mcp");
        server.setHandler(context);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/mcp");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aBodyReachesTheSdkIntactWithOrWithoutADeclaredLength() throws Exception {
        byte[] body = CALL.getBytes(StandardCharsets.UTF_8);
        for (HttpResponse<String> answer : List.of(post(declared(body)), post(chunked(body)))) {
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(CALL, answer.body());
        }
    }

    @Test
    void aBodyOverTheLimitGets413WhetherDeclaredOrNot() throws Exception {
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + "a".repeat(LIMIT)
                + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, post(declared(body)).statusCode());
        assertEquals(413, post(chunked(body)).statusCode());
    }

    private static HttpRequest.BodyPublisher declared(byte[] body) {
        return HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** A body of unknown length, which the client sends chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
