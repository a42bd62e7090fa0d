package io.mcpruntime.testing;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The client's end of the stdio protocol (newline-delimited JSON-RPC) over a pair of in-process streams; the
 * kernel's own stdio transport is at the other end. The SDK's stdio client only talks to a spawned process.
 */
final class StreamClientTransport implements McpClientTransport {
    private static final Logger LOG = LoggerFactory.getLogger(StreamClientTransport.class);

    private final McpJsonMapper json;
    private final InputStream fromServer;
    private final OutputStream toServer;
    private volatile boolean closing;

    StreamClientTransport(McpJsonMapper json, InputStream fromServer, OutputStream toServer) {
        this.json = json;
        this.fromServer = fromServer;
        this.toServer = toServer;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return Mono.fromRunnable(() -> {
            Thread reader = new Thread(() -> readLoop(handler), "mcp-kit-client");
            reader.setDaemon(true);
            reader.start();
        });
    }

    private void readLoop(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(json, line);
                handler.apply(Mono.just(message)).subscribe(ignored -> { },
                        error -> LOG.warn("The client could not handle {}: {}", message, error.toString()));
            }
        } catch (IOException e) {
            if (!closing) {
                LOG.warn("The kit's client stopped reading: {}", e.toString());
            }
        }
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromCallable(() -> json.writeValueAsString(message) + "\n")
                .doOnNext(this::write)
                .then();
    }

    private void write(String line) {
        synchronized (toServer) {
            try {
                toServer.write(line.getBytes(StandardCharsets.UTF_8));
                toServer.flush();
            } catch (IOException e) {
                throw new IllegalStateException("The kernel's end of the pipe is closed", e);
            }
        }
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            try {
                toServer.close();
                fromServer.close();
            } catch (IOException e) {
                LOG.debug("closing the kit's client: {}", e.toString());
            }
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return json.convertValue(data, type);
    }
}
