package io.mcpruntime.sql.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A password or token that is read when a connection is made, never when settings are read: from the settings
 * themselves, a file, an environment variable or a command's output (e.g. {@code az account get-access-token
 * --resource https://database.windows.net/ --query accessToken -o tsv}). Its text never appears in messages.
 */
public final class Secret {
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final String what;
    private final String value;
    private final String file;
    private final String variable;
    private final String command;
    private final Map<String, String> environment;

    /** @param what what the secret is, for messages ("password", "access token") */
    Secret(String what, String value, String file, String variable, String command, Map<String, String> environment) {
        this.what = what;
        this.value = value;
        this.file = file;
        this.variable = variable;
        this.command = command;
        this.environment = environment;
    }

    public boolean isSet() {
        return value != null || file != null || variable != null || command != null;
    }

    /** The secret's current text, or {@code null} when none is configured. */
    public String read() throws IOException {
        if (value != null) {
            return value;
        }
        if (file != null) {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        }
        if (variable != null) {
            String text = environment.get(variable);
            if (text == null) {
                throw new IOException("the " + what + " variable " + variable + " is not set");
            }
            return text.strip();
        }
        return command == null ? null : run(command);
    }

    private String run(String commandLine) throws IOException {
        // stderr is dropped, not left in a pipe nobody reads (a chatty command would block on it); stdout is read on
        // a thread of its own, so a command that hangs with its output open still meets the timeout (not on the
        // common pool: the read blocks, as long as the command keeps its output open)
        Process process = new ProcessBuilder("sh", "-c", commandLine)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        FutureTask<String> output = new FutureTask<>(() ->
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Thread reader = new Thread(output, "sql-secret-command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the " + what + " command did not finish within " + COMMAND_TIMEOUT_SECONDS
                        + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("the " + what + " command failed (exit " + process.exitValue() + ")");
            }
            return output.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS).strip();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running the " + what + " command");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the output of the " + what + " command");
        }
    }

    @Override
    public String toString() {
        return isSet() ? "(" + what + " set)" : "(no " + what + ")";
    }
}
