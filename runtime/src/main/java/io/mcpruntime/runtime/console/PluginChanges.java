package io.mcpruntime.runtime.console;

import io.mcpruntime.runtime.ops.PluginReport.PluginStatus;
import io.mcpruntime.runtime.registry.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, replaces ({@code POST /console/api/plugins?file=NAME.jar}, the jar as the body) and removes
 * ({@code DELETE} with the same parameter) plugin jars, then waits for the kernel to say how it went: served (a new
 * audit entry for the jar), refused (the plugin report's reason: not a bundle, a missing package, an untrusted
 * signer...), gone, or still settling when the wait ends. Each change is logged to {@code mcp.audit}.
 */
final class PluginChanges {
    private static final Logger AUDIT = LoggerFactory.getLogger("mcp.audit");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    private final ConsoleSources sources;
    private final PluginFolderWriter folder;
    private final ConsoleAnswers answers;

    PluginChanges(ConsoleSources sources, PluginFolderWriter folder, ConsoleAnswers answers) {
        this.sources = sources;
        this.folder = folder;
        this.answers = answers;
    }

    void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = fileParameter(request);
        Optional<PluginStatus> before = status(name);
        Instant since = Instant.now();
        long size;
        try {
            size = folder.write(name, request.getInputStream());
        } catch (PluginFolderWriter.RefusedUpload e) {
            answers.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        AUDIT.info("action=console-upload jar={} bytes={} from={}", name, size, request.getRemoteAddr());
        Optional<PluginStatus> after = awaitOutcome(name, before, since);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", name);
        after.ifPresent(status -> body.put("plugin", status));
        String problem = after.map(PluginStatus::problem).orElse(null);
        body.put("outcome", problem != null ? "refused" : served(name, since) ? "served" : "pending");
        answers.json(response, problem != null ? 422 : HttpServletResponse.SC_OK, body);
    }

    void remove(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = fileParameter(request);
        try {
            folder.remove(name);
        } catch (PluginFolderWriter.RefusedUpload e) {
            answers.error(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        }
        AUDIT.info("action=console-remove jar={} from={}", name, request.getRemoteAddr());
        boolean gone = awaitGone(name);
        answers.json(response, HttpServletResponse.SC_OK, Map.of("file", name, "outcome", gone ? "removed" : "pending"));
    }

    /**
     * The {@code file} parameter from the query string only: asking the container for parameters would read a
     * form-encoded body, and the body is the jar.
     */
    private static String fileParameter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? null : Stream.of(query.split("&")).filter(pair -> pair.startsWith("file="))
                .map(pair -> URLDecoder.decode(pair.substring("file=".length()), StandardCharsets.UTF_8))
                .findFirst().orElse(null);
    }

    /** Until the jar serves, or is reported with a reason other than the one it had before the upload. */
    private Optional<PluginStatus> awaitOutcome(String name, Optional<PluginStatus> before, Instant since) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<PluginStatus> now = status(name);
            boolean newProblem = now.map(PluginStatus::problem).isPresent()
                    && !(before.isPresent() && sameOutcome(before.get(), now.get()));
            if (newProblem || served(name, since)) {
                return now;
            }
            if (!pause()) {
                break;
            }
        }
        return status(name);
    }

    private boolean awaitGone(String name) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (status(name).isEmpty()) {
                return true;
            }
            if (!pause()) {
                break;
            }
        }
        return status(name).isEmpty();
    }

    private static boolean sameOutcome(PluginStatus a, PluginStatus b) {
        return Objects.equals(a.state(), b.state()) && Objects.equals(a.problem(), b.problem())
                && Objects.equals(a.version(), b.version());
    }

    private boolean served(String name, Instant since) {
        return sources.audit().apply(50).stream().anyMatch(entry -> name.equals(entry.jar())
                && "registered".equals(entry.action()) && !entry.at().isBefore(since));
    }

    private Optional<PluginStatus> status(String name) {
        return sources.plugins().pluginsWithoutHealth().stream().filter(p -> p.file().equals(name)).findFirst();
    }

    private static boolean pause() {
        try {
            Thread.sleep(LOOK_EVERY.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
