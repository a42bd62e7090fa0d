package io.mcpruntime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A one-way in-memory byte stream between threads. Unlike {@code java.io}'s piped streams it does not break when the
 * thread that last wrote ends (the kernel writes from pooled threads), and unlike an NIO pipe it is not closed when
 * a writing thread is interrupted (the kernel interrupts cancelled tool calls). Writes never block.
 */
final class MemoryPipe {
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private boolean closed;

    final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return MemoryPipe.this.read(bytes, offset, length);
        }

        @Override
        public void close() {
            MemoryPipe.this.close();
        }
    };

    final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            MemoryPipe.this.write(bytes, offset, length);
        }

        @Override
        public void close() {
            MemoryPipe.this.close();
        }
    };

    private synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("pipe closed");
        }
        if (end + length > buffer.length) {
            int used = end - start;
            byte[] target = used + length > buffer.length
                    ? new byte[Math.max(buffer.length * 2, used + length)] : buffer;
            System.arraycopy(buffer, start, target, 0, used);
            buffer = target;
            start = 0;
            end = used;
        }
        System.arraycopy(bytes, offset, buffer, end, length);
        end += length;
        notifyAll();
    }

    private synchronized int read(byte[] bytes, int offset, int length) throws IOException {
        while (start == end && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
        }
        if (start == end) {
            return -1;
        }
        int count = Math.min(length, end - start);
        System.arraycopy(buffer, start, bytes, offset, count);
        start += count;
        return count;
    }

    /** The reader sees the end of the stream once it has read what was written before. */
    private synchronized void close() {
        closed = true;
        notifyAll();
    }
}
