package dev.orrery.channel.relay.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.mina.core.session.IoSession;

/**
 * Writes to one TLS session on a thread of its own, in the order asked, so that no caller waits
 * for that session's SSL lock. MINA 2.2 delivers a received message while holding the receiving
 * session's SSL lock: a channel relaying between sessions on those threads would take two SSL
 * locks in opposite orders — an agent's I/O thread writing up into the uplink while the uplink's
 * I/O thread writes a task down to that agent — and deadlock, silencing the whole channel (seen
 * in MarketIT). With every write to the center going through here, the uplink's lock is only ever
 * taken last. Thread-safe.
 */
final class SessionWriter {
    private final ExecutorService thread;

    /** @param name the writer thread's name */
    SessionWriter(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param session where to write
     * @param message what
     * @return {@code false} once {@link #close()} was called: nothing is queued then
     */
    boolean write(IoSession session, Object message) {
        try {
            thread.execute(() -> session.write(message));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Writes what is queued, then ends the thread; later writes are refused. */
    void close() {
        thread.shutdown();
    }
}
