package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.StatusTrigger;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link StatusTrigger} service: asks the running agent for an early status read
 * ({@link AgentCore#statusChanged()}, coalesced). Its own component, without configuration, like
 * {@link DataChannelComponent}: it stays registered while the agent restarts (a call in that
 * moment does nothing; the new connection sends every section anyway). Thread-safe.
 */
@Component(service = {StatusTrigger.class, StatusTriggerComponent.class})
public final class StatusTriggerComponent implements StatusTrigger {
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
    public void changed() {
        AgentCore c = core.get();
        if (c != null) {
            c.statusChanged();
        }
    }
}
