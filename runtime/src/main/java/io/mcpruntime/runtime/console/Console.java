package io.mcpruntime.runtime.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console at {@value #PATH}: a live page of plugins, tools, connected sessions, running calls, the call
 * chart and the audit trail, from which an operator tries a tool and installs, replaces or removes plugin jars. The
 * transport mounts {@link #servlet()} behind its own Host/Origin guard and auth check, with {@link #credentials()}
 * in front of the auth check so that a browser can present the token as a cookie.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    public static final String PATH = "/console";
    /** The largest jar an upload may carry. */
    static final long MAX_JAR_BYTES = 256L * 1024 * 1024;
    private static final long CHANGE_CHECK_MS = 250;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mcp-console");
        thread.setDaemon(true);
        return thread;
    });
    private final ConsoleEvents events;
    private final ConsoleServlet servlet;

    public Console(ConsoleSources sources, ObjectMapper mapper) {
        ConsoleAnswers answers = new ConsoleAnswers(mapper);
        CsrfToken csrf = new CsrfToken();
        CallHistory history = new CallHistory(sources.callTotals());
        this.events = new ConsoleEvents(sources.changes(),
                () -> Map.of("running", sources.runningCalls().get(), "sessions", sources.sessions().get(),
                        "history", history.history()), mapper);
        this.servlet = new ConsoleServlet(new ConsoleAssets(), new StateView(sources, csrf), events,
                new ToolCalls(sources.calls(), answers),
                new PluginChanges(sources, new PluginFolderWriter(sources.pluginsFolder(), MAX_JAR_BYTES), answers),
                csrf, answers);
        timer.scheduleWithFixedDelay(going(events::checkForChanges), CHANGE_CHECK_MS, CHANGE_CHECK_MS,
                TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(going(() -> {
            history.sample();
            events.sendActivity();
        }), CallHistory.INTERVAL_SECONDS, CallHistory.INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    /** A failed look (the kernel stopping, say) must not end the schedule: a task that throws is never run again. */
    private static Runnable going(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.debug("Console update failed: {}", e.toString());
            }
        };
    }

    public Servlet servlet() {
        return servlet;
    }

    /** Turns the token a browser presents (once as ?token=, then as the console's cookie) into a bearer header. */
    public Filter credentials() {
        return new ConsoleCredentials();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        events.close();
    }
}
