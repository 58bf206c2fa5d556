package dev.orrery.agent.cmd.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Drains one output stream of a child process on its own daemon thread, keeping at most
 * {@code cap} bytes. Beyond the cap it keeps reading and discarding, so the child never blocks
 * on a full pipe. Thread-safe: the accessors may be called while it still reads.
 */
final class StreamCapture implements Runnable {
    private final InputStream in;
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private boolean truncated;

    private StreamCapture(InputStream in, int cap) {
        this.in = in;
        this.cap = cap;
    }

    /**
     * @param in the stream to drain
     * @param cap the largest number of bytes kept
     * @param threadName the reader thread's name
     * @return the running capture
     */
    static StreamCapture start(InputStream in, int cap, String threadName) {
        StreamCapture c = new StreamCapture(in, cap);
        Thread t = new Thread(c, threadName);
        t.setDaemon(true);
        t.start();
        return c;
    }

    @Override
    public void run() {
        byte[] buf = new byte[16 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                append(buf, n);
            }
        } catch (IOException e) {
            // the stream was closed under us: keep what was read
        } finally {
            done.complete(null);
        }
    }

    private synchronized void append(byte[] buf, int n) {
        int keep = Math.min(n, cap - kept.size());
        if (keep > 0) {
            kept.write(buf, 0, keep);
        }
        if (n > keep) {
            truncated = true;
        }
    }

    /** @return completes when the stream reached its end (every writer closed it) */
    CompletableFuture<Void> done() {
        return done;
    }

    /** @return the bytes kept so far */
    synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    /** @return whether bytes were discarded at the cap */
    synchronized boolean truncated() {
        return truncated;
    }
}
