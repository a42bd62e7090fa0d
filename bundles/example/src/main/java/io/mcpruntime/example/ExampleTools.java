package io.mcpruntime.example;

import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Param;
import io.mcpruntime.api.Tool;
import io.mcpruntime.api.ToolContext;
import io.mcpruntime.api.ToolException;
import org.osgi.service.component.annotations.Component;

/** The example plugin's tools, served as {@code example_echo} and {@code example_countdown}. */
@Component
public class ExampleTools implements McpPlugin {
    private static final int MAX_SECONDS = 600;

    @Tool(description = "Returns the message unchanged.")
    public String echo(@Param(description = "The text to send back") String message) {
        return message;
    }

    @Tool(description = "Counts down one second at a time, reporting progress each second; stops early when "
            + "the call is cancelled.")
    public String countdown(@Param(description = "Seconds to count down, 1 to 600") int seconds,
            ToolContext context) throws InterruptedException {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new ToolException("seconds must be between 1 and " + MAX_SECONDS + "; got " + seconds);
        }
        for (int done = 0; done < seconds; done++) {
            if (context.isCancelled()) {
                return "Cancelled with " + (seconds - done) + " s left";
            }
            context.progress(done, (double) seconds, (seconds - done) + " s left");
            Thread.sleep(1000);
        }
        context.progress(seconds, (double) seconds, "done");
        return "Countdown of " + seconds + " s finished";
    }
}
