package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.DataChannel;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A java plugin's standard output: the first {@code cap} bytes are kept for the result (the rest is
 * dropped and the result flagged truncated, as the {@code cmd} capability caps each stream); each
 * line, also past the cap, goes to the line consumer (the task's data topic) without its line
 * break, a line longer than {@link DataChannel#MAX_RECORD_BYTES} in pieces of that size. After
 * {@link #finish()} (the run ended or was abandoned) further writes are ignored. Thread-safe.
 */
final class CappedOutput extends OutputStream {
    private final int cap;
    private final Consumer<byte[]> lines;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean truncated;
    private boolean finished;

    /** @param cap most bytes kept @param lines receives each line, {@code null}: lines are not published */
    CappedOutput(int cap, Consumer<byte[]> lines) {
        this.cap = cap;
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (finished) {
            return;
        }
        int room = Math.min(len, cap - kept.size());
        kept.write(b, off, Math.max(room, 0));
        truncated |= room < len;
        if (lines == null) {
            return;
        }
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                publishLine();
            } else {
                line.write(b[i]);
                if (line.size() >= DataChannel.MAX_RECORD_BYTES) {
                    publishLine();
                }
            }
        }
    }

    /** Publishes the last line when it has no line break; ignores later writes. */
    synchronized void finish() {
        if (!finished && line.size() > 0 && lines != null) {
            publishLine();
        }
        finished = true;
    }

    /** @return the kept bytes */
    synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    /** @return whether output was dropped at the cap */
    synchronized boolean truncated() {
        return truncated;
    }

    private void publishLine() {
        byte[] l = line.toByteArray();
        line.reset();
        int end = l.length > 0 && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
        try {
            lines.accept(Arrays.copyOf(l, end));
        } catch (RuntimeException e) {
            // the data channel refused it: the result still has the output
        }
    }
}
