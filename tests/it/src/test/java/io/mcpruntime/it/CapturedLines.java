package io.mcpruntime.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lines a process writes to one of its streams, read as they come by a daemon thread. */
final class CapturedLines {
    private final String name;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    CapturedLines(InputStream stream, String name) {
        this.name = name;
        this.reader = new Thread(() -> read(stream), "runtime-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits for a line matching the pattern; fails with the captured lines if none comes before the stream ends. */
    Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            boolean ended = !reader.isAlive(); // read before looking, so no line can come in between
            for (String line : lines) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (ended) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("No " + name + " line matched " + pattern + "; " + name + " was:\n"
                + String.join("\n", lines));
    }

    /** Waits until the process has closed the stream and every line is read. */
    void awaitEnd(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
    }

    private void read(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the pipe broke with the process: the lines read so far are all there are
        }
    }
}
