package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message;
import java.util.Optional;

/**
 * Sends through whichever channel connection is current; without one, a message is dropped
 * (results are kept durably by {@link Delivery} and resent after the next connect, which
 * {@link #attach} announces). Thread-safe.
 */
final class ChannelUplink implements Uplink {
    private volatile ChannelConnection current;
    private volatile Runnable onAttach = () -> { };

    /** @param action run each time a connection becomes current (resends the waiting results) */
    void onAttach(Runnable action) {
        onAttach = action;
    }

    /** @param c the connection that just opened: becomes current */
    void attach(ChannelConnection c) {
        current = c;
        onAttach.run();
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
        if (c != null) {
            c.send(m);
        }
    }
}
