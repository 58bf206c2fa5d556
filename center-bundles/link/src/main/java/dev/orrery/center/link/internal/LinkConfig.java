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
}
