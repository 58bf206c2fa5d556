package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Result;
import java.util.Optional;
import org.apache.mina.core.future.WriteFuture;

/**
 * Sends through whichever channel connection is current. Results that cannot be written (no
 * connection, or the session closed under the write) wait in the {@link Outbox} until the next
 * connection is attached. Thread-safe.
 */
final class ChannelUplink implements Uplink {
    private final Outbox outbox = new Outbox();
    private volatile ChannelConnection current;

    /** @param c the connection that just opened: becomes current, and receives the waiting results */
    void attach(ChannelConnection c) {
        current = c;
        outbox.drain().forEach(this::send);
    }

    /**
     * @param c a connection that ended or is being left
     * @return whether it was the current one (now detached)
     */
    synchronized boolean detach(ChannelConnection c) {
        if (current != c) {
            return false;
        }
        current = null;
        return true;
    }

    /** @return the current connection, if any */
    Optional<ChannelConnection> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public void send(Message m) {
        ChannelConnection c = current;
        WriteFuture f = c == null ? null : c.send(m);
        if (m instanceof Result r) {
            if (f == null) {
                outbox.add(r);
            } else {
                f.addListener(done -> {
                    if (!((WriteFuture) done).isWritten()) {
                        outbox.add(r);
                    }
                });
            }
        }
    }
}
