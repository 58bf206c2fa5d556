package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.DataChannel;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link DataChannel} service: hands records to the running agent's spool. Its own component,
 * without configuration, so the agent's settings never show as service properties and the service
 * stays registered while the agent restarts after a change of configuration (records published in
 * that moment are not kept). Thread-safe.
 */
@Component(service = {DataChannel.class, DataChannelComponent.class})
public final class DataChannelComponent implements DataChannel {
    private final AtomicReference<AgentCore> core = new AtomicReference<>();

    /** @param c the core of the agent that just started */
    void attach(AgentCore c) {
        core.set(c);
    }

    /** @param c the core of the agent stopping */
    void detach(AgentCore c) {
        core.compareAndSet(c, null);
    }

    @Override
    public void publish(String topic, byte[] data) {
        AgentCore c = core.get();
        if (c != null) {
            c.publish(topic, data);
        } else if (!DataChannel.validTopic(topic)) {
            throw new IllegalArgumentException("invalid data topic: " + topic);
        }
    }
}
