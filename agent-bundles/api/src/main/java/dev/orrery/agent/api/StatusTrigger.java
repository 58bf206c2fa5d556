package dev.orrery.agent.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Provided by the agent core: asks it to read the {@link StatusSource}s now, not at the next
 * status interval, and send the sections whose text changed. A capability calls it after a change
 * the center waits for (a plugin installed or removed). Calls are coalesced; cheap; never blocks.
 *
 * @since 0.3
 */
@ProviderType
public interface StatusTrigger {
    /** Schedules an early status read; returns at once. */
    void changed();
}
