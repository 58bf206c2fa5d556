package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message;

/** Where the agent's acks and results go: the current channel connection. */
interface Uplink {
    /**
     * Sends without blocking; dropped while there is no connection (results are kept and resent by
     * {@link Delivery}).
     *
     * @param message what to send
     */
    void send(Message message);
}
