package io.mcpruntime.runtime.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Wraps the response the SDK's servlet writes: an error body it writes itself (a serialized exception, stack trace
 * included, see java-sdk #955) is replaced by a plain JSON-RPC error with the same code and message. For a message
 * that is the client's response to a server request, a 500 (the SDK's answer to an unknown id) becomes 400: it is
 * the client's fault.
 */
final class SanitizedErrorResponse extends HttpServletResponseWrapper {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean clientResponse;
    private PrintWriter errorWriter;

    SanitizedErrorResponse(HttpServletResponse response, boolean clientResponse) {
        super(response);
        this.clientResponse = clientResponse;
    }

    @Override
    public void setStatus(int status) {
        super.setStatus(clientFault(status));
    }

    @Override
    public void sendError(int status) throws IOException {
        super.sendError(clientFault(status));
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        super.sendError(clientFault(status), message);
    }

    private int clientFault(int status) {
        return clientResponse && status >= 500 ? HttpServletResponse.SC_BAD_REQUEST : status;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (getStatus() < 400) {
            return super.getWriter();
        }
        if (errorWriter == null) {
            errorWriter = new PrintWriter(new RewritingWriter(), false);
        }
        return errorWriter;
    }

    /** Collects the SDK's error body and writes the sanitized one when the SDK flushes or closes it. */
    private final class RewritingWriter extends StringWriter {
        private boolean written;

        @Override
        public void flush() {
            if (written || getBuffer().length() == 0) {
                return;
            }
            written = true;
            try {
                PrintWriter out = SanitizedErrorResponse.super.getWriter();
                out.write(sanitize(toString(), getStatus()));
                out.flush();
            } catch (IOException e) {
                // the client is gone; nothing to tell it
            }
        }

        @Override
        public void close() {
            flush();
        }
    }

    static String sanitize(String body, int status) {
        try {
            JsonNode error = JSON.readTree(body).path("jsonRpcError");
            if (error.has("code") && error.has("message")) {
                return JsonRpcErrors.body(error.get("code").asInt(), firstLine(error.get("message").asText()));
            }
        } catch (IOException e) {
            // not the SDK's McpError shape: fall through to a generic body
        }
        return JsonRpcErrors.body(JsonRpcErrors.codeFor(status), "Request failed");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
