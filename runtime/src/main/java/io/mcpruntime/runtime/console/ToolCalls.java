package io.mcpruntime.runtime.console;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mcpruntime.runtime.transport.HttpAuth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /console/api/call} with {@code {"name": ..., "arguments": {...}}}: calls the tool through the kernel's
 * normal call path and answers its {@code tools/call} result exactly as a client reads it. Each call is logged to
 * {@code mcp.audit}.
 */
final class ToolCalls {
    private static final Logger AUDIT = LoggerFactory.getLogger("mcp.audit");
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ToolCaller caller;
    private final ConsoleAnswers answers;

    ToolCalls(ToolCaller caller, ConsoleAnswers answers) {
        this.caller = caller;
        this.answers = answers;
    }

    record CallRequest(String name, Map<String, Object> arguments) {
    }

    void call(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CallRequest call;
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                answers.error(response, 413, "The call is larger than 1 MiB");
                return;
            }
            call = answers.mapper().readValue(bytes, new TypeReference<CallRequest>() { });
        } catch (IOException e) {
            answers.error(response, HttpServletResponse.SC_BAD_REQUEST,
                    "The body must be JSON: {\"name\": \"<tool>\", \"arguments\": {...}}");
            return;
        }
        if (call == null || call.name() == null || call.name().isBlank()) {
            answers.error(response, HttpServletResponse.SC_BAD_REQUEST, "Name the tool to call in \"name\"");
            return;
        }
        AUDIT.info("action=console-call tool={} from={}", call.name(), request.getRemoteAddr());
        Optional<String> result = caller.call(call.name(), call.arguments(), HttpAuth.caller(request));
        if (result.isEmpty()) {
            answers.error(response, HttpServletResponse.SC_NOT_FOUND, "No tool named '" + call.name() + "' is served");
            return;
        }
        answers.raw(response, HttpServletResponse.SC_OK, result.get());
    }
}
