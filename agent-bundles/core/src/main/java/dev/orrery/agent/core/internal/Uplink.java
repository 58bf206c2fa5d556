package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message;

/** Where the agent's acks and results go: the current channel connection. */
interface Uplink {
    /**
     * Sends without blocking. A result that cannot be sent now is kept and sent after the next
     * connect; other messages are dropped while there is no connection.
     *
     * @param message what to send
     */
    void send(Message message);
}
