package io.mcpruntime.runtime.transport;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Renders every error Jetty or the SDK's servlet raises with {@code sendError} as a JSON-RPC error body: the
 * status's reason or the fixed message given, never an exception, class name or stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, String message, Throwable cause) {
        String text = message == null || message.isBlank() || message.contains("\n")
                || ErrorGuard.LEAK.matcher(message).find()
                ? HttpStatus.getMessage(code) : message;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(JsonRpcErrors.body(JsonRpcErrors.codeFor(code), text)
                .getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
