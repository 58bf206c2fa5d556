package dev.orrery.center.link.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the center's link acceptor, PID {@code dev.orrery.center.link}. */
@ObjectClassDefinition(name = "Orrery center link",
        description = "The port where agents register (ConfigService) and channels connect.")
public @interface LinkConfig {
    /** The configuration PID. */
    String PID = "dev.orrery.center.link";

    /** @return the address to listen on */
    @AttributeDefinition(name = "Listen host", description = "Address to listen on; 0.0.0.0 for every interface.")
    String listenHost() default "0.0.0.0";

    /** @return the TCP port */
    @AttributeDefinition(name = "Port", min = "0", max = "65535", description = "TCP port for agents and channels (0 picks a free one).")
    int port() default 7700;

    /** @return the largest frame payload accepted, in bytes */
    @AttributeDefinition(name = "Maximum frame bytes", min = "1024",
            description = "Largest frame payload accepted; a larger frame closes that connection.")
    int maxFrameBytes() default 8 * 1024 * 1024;

    /** @return the heartbeat interval told to agents and used towards channels, in seconds */
    @AttributeDefinition(name = "Heartbeat seconds", min = "1",
            description = "Heartbeat interval told to agents and sent to idle channels; a channel silent for three intervals is dropped.")
    int heartbeatSeconds() default 10;

    /** @return threads that handle registrations */
    @AttributeDefinition(name = "Worker threads", min = "1", max = "64", description = "Threads that record agent registrations.")
    int workerThreads() default 4;

    /** @return longest queue of registrations waiting for a worker */
    @AttributeDefinition(name = "Registration queue", min = "1",
            description = "Registrations waiting for a worker; over it, a registering agent is disconnected at once and retries after its backoff.")
    int registrationQueue() default LinkSettings.DEFAULT_REGISTRATION_QUEUE;

    /** @return seconds after its last report that a channel stops counting as healthy */
    @AttributeDefinition(name = "Channel stale seconds", min = "1",
            description = "A channel counts as healthy (handed out to agents, balanced) while connected and its last report is at most this old.")
    int channelStaleSeconds() default LinkSettings.DEFAULT_CHANNEL_STALE_SECONDS;

    /** @return seconds between two balancing rounds; 0 turns balancing off */
    @AttributeDefinition(name = "Balance interval seconds", min = "0",
            description = "Seconds between balancing rounds over the channel clusters; 0 turns balancing and giving back off.")
    int balanceIntervalSeconds() default LinkSettings.DEFAULT_BALANCE_INTERVAL_SECONDS;

    /** @return allowed distance of a channel's agent count from its cluster's mean, in percent */
    @AttributeDefinition(name = "Tolerance percent", min = "1", max = "100",
            description = "A cluster is balanced when every channel holds within this percentage of the mean number of agents.")
    int tolerancePercent() default LinkSettings.DEFAULT_TOLERANCE_PERCENT;

    /** @return seconds a cluster (or a channel giving agents back) is left to settle after a shed */
    @AttributeDefinition(name = "Shed cooldown seconds", min = "1",
            description = "After asking a cluster's channels to shed agents, no new decision for that cluster (or channel giving agents back) for this long.")
    int shedCooldownSeconds() default LinkSettings.DEFAULT_SHED_COOLDOWN_SECONDS;

    /** @return whether the link speaks TLS (center certificate, client certificates, enrollment) */
    @AttributeDefinition(name = "TLS",
            description = "TLS on :7700 with the center CA's certificates: agents register and channels connect with their own"
                    + " certificates (subject = hostId / channel id), unenrolled ones enroll with a token. false: plain text (tests, benchmarks).")
    boolean tls() default true;
}
