package io.mcpruntime.runtime.console;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes through until more than a limit were written, then fails with {@link TooLarge}. */
final class BoundedStream extends FilterOutputStream {
    private final long limit;
    private long written;

    BoundedStream(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(int bytes) throws TooLarge {
        written += bytes;
        if (written > limit) {
            throw new TooLarge();
        }
    }
}
