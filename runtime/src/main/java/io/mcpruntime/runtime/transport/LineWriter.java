package io.mcpruntime.runtime.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes whole lines to a stream from many threads at once, never interleaving them. */
final class LineWriter {
    private static final Logger LOG = LoggerFactory.getLogger(LineWriter.class);

    private final OutputStream out;
    private volatile boolean broken;

    LineWriter(OutputStream out) {
        this.out = out;
    }

    /** Returns false if the stream is closed (the client went away); never throws. */
    boolean writeLine(String line) {
        if (broken) {
            return false;
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(bytes);
                out.flush();
                return true;
            } catch (IOException e) {
                broken = true;
                LOG.debug("stdout closed: {}", e.toString());
                return false;
            }
        }
    }
}
