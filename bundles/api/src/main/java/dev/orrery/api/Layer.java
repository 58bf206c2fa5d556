package dev.orrery.api;

import java.util.Locale;

/**
 * The layer of the system where a failure arose. Every error Orrery reports names one, so an
 * operator knows whether to look at the center, the channel tier, the agent, or the host's
 * own environment.
 */
public enum Layer {
    /** The center: REST API, validation, target resolution, dispatch. */
    PROXY,
    /** The channel tier between center and agents. */
    CHANNEL,
    /** The agent process on the host. */
    AGENT,
    /** The host itself: missing users, folders, programs, resources. */
    ENVIRONMENT;

    /** @return the lowercase name used in JSON and on the wire, e.g. {@code "proxy"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
