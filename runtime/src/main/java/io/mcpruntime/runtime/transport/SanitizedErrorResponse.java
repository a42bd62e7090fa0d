package io.mcpruntime.runtime.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.function.UnaryOperator;

/**
 * Wraps the response the SDK's servlet writes. An error body it writes itself (a serialized exception, stack trace
 * included, see java-sdk #955) is replaced by a plain JSON-RPC error with the same code and a safe message; in what
 * it writes with a success status (a JSON body, or the {@code data:} lines of an event stream) every JSON-RPC error
 * passes {@link ErrorGuard}. The SDK's 5xx for a message the kernel has checked is not always the server's fault:
 * for the client's response to a server request (an unknown id) it becomes 400, the client's fault; for a
 * notification whose handling failed (roots/list_changed without a stream to ask the roots on) 202 without a body:
 * the spec's answer to a notification the server accepted, and the failure is the server's to log.
 */
final class SanitizedErrorResponse extends HttpServletResponseWrapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA = "data:";

    /** What the SDK's servlet answers. */
    enum Answering {
        /** A request, or anything the kernel did not read. */
        REQUEST,
        /** The client's response to a request of the server's. */
        CLIENT_RESPONSE,
        NOTIFICATION
    }

    private final Answering answering;
    private final UnaryOperator<String> amend;
    private PrintWriter writer;

    SanitizedErrorResponse(HttpServletResponse response, Answering answering) {
        this(response, answering, UnaryOperator.identity());
    }

    /** @param amend applied to each JSON-RPC message written with a success status (see RequestInterceptor#amend) */
    SanitizedErrorResponse(HttpServletResponse response, Answering answering, UnaryOperator<String> amend) {
        super(response);
        this.answering = answering;
        this.amend = amend;
    }

    @Override
    public void setStatus(int status) {
        super.setStatus(clientFault(status));
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (clientFault(status) == HttpServletResponse.SC_ACCEPTED) {
            super.setStatus(HttpServletResponse.SC_ACCEPTED);
        } else {
            super.sendError(clientFault(status), message);
        }
    }

    private int clientFault(int status) {
        if (status < 500 || answering == Answering.REQUEST) {
            return status;
        }
        return answering == Answering.NOTIFICATION ? HttpServletResponse.SC_ACCEPTED
                : HttpServletResponse.SC_BAD_REQUEST;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new RewritingWriter(super.getWriter()), false);
        }
        return writer;
    }

    /**
     * Collects what the SDK writes and passes it on, rewritten, when the SDK flushes (it flushes after each body and
     * each event, then asks {@code checkError()}: a client gone surfaces as this writer's IOException).
     */
    private final class RewritingWriter extends Writer {
        private final PrintWriter out;
        private final StringBuilder buffer = new StringBuilder();

        RewritingWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            buffer.append(chars, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (!buffer.isEmpty()) {
                String written = buffer.toString();
                buffer.setLength(0);
                if (answering != Answering.NOTIFICATION || getStatus() != HttpServletResponse.SC_ACCEPTED) {
                    String answer = getStatus() >= 400 ? sanitize(written, getStatus())
                            : eachMessage(written, message -> amend.apply(ErrorGuard.guardJson(message)));
                    announceLengthOfWholeJson(answer);
                    out.write(answer);
                }
            }
            if (out.checkError()) { // flushes, then tells whether the client is gone
                throw new IOException("the client is gone");
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }

    /**
     * A JSON answer is written whole, so it goes out with its length instead of chunked: the headers, the body and its
     * end leave in one write. A kernel killed after that write has answered; one killed before has sent nothing, and
     * a proxy can retry the request elsewhere. Chunked, a kill between the body and the last chunk cut the answer off
     * at the client after the proxy had begun to pass it on, too late to retry.
     */
    private void announceLengthOfWholeJson(String answer) {
        String type = getContentType();
        if (!isCommitted() && type != null && type.startsWith("application/json")) {
            setContentLengthLong(answer.getBytes(Charset.forName(getCharacterEncoding())).length);
        }
    }

    /** A JSON body, or the events of a stream, with every JSON-RPC error guarded. */
    static String guardMessages(String written) {
        return eachMessage(written, ErrorGuard::guardJson);
    }

    /** A JSON body, or the events of a stream, with each JSON-RPC message rewritten. */
    private static String eachMessage(String written, UnaryOperator<String> rewrite) {
        if (!written.contains(DATA)) {
            return rewrite.apply(written);
        }
        StringBuilder guarded = new StringBuilder(written.length());
        for (String line : written.split("\n", -1)) {
            if (!guarded.isEmpty()) {
                guarded.append('\n');
            }
            String data = line.startsWith(DATA) ? line.substring(DATA.length()).strip() : null;
            String guardedData = data == null ? null : rewrite.apply(data);
            guarded.append(data == null || guardedData.equals(data) ? line : DATA + " " + guardedData);
        }
        return guarded.toString();
    }

    static String sanitize(String body, int status) {
        try {
            JsonNode error = JSON.readTree(body).path("jsonRpcError");
            if (error.has("code") && error.has("message")) {
                return JsonRpcErrors.body(error.get("code").asInt(),
                        ErrorGuard.safeMessage(error.get("code").asInt(), firstLine(error.get("message").asText())));
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
