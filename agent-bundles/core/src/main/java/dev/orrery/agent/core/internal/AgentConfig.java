package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Frames;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code dev.orrery.agent}: where the center is and how the agent keeps its link. */
@ObjectClassDefinition(name = "Orrery agent",
        description = "Registers this host with the center, keeps one connection to a channel and runs its tasks.")
public @interface AgentConfig {

    /** The PID of this configuration. */
    String PID = "dev.orrery.agent";

    @AttributeDefinition(name = "Center host", description = "Host name or address of the center (ConfigService).")
    String centerHost() default "127.0.0.1";

    @AttributeDefinition(name = "Center port", min = "1", max = "65535", description = "Port of the center for registration.")
    int centerPort() default 7700;

    @AttributeDefinition(name = "Enrollment token", required = false, description = "Token presented at registration; may be empty.")
    String enrollmentToken() default "";

    @AttributeDefinition(name = "Heartbeat (seconds)", min = "1",
            description = "Heartbeat period, unless the center's welcome names one. A channel silent for three periods is dropped.")
    int heartbeatSeconds() default 10;

    @AttributeDefinition(name = "Reconnect minimum (ms)", min = "1", description = "First reconnect delay (jittered).")
    long reconnectMinMillis() default 500;

    @AttributeDefinition(name = "Reconnect maximum (ms)", min = "1", description = "Largest reconnect delay (jittered).")
    long reconnectMaxMillis() default 30000;

    @AttributeDefinition(name = "Workers", min = "1", description = "Tasks run at the same time; more wait in a queue.")
    int workers() default 8;

    @AttributeDefinition(name = "Maximum frame (bytes)", min = "65536", description = "Largest protocol frame accepted.")
    int maxFrameBytes() default Frames.DEFAULT_MAX_PAYLOAD;

    @AttributeDefinition(name = "Data folder", required = false,
            description = "Where the agent keeps its task ledger and result outbox, so that after a restart it runs no "
                    + "task twice and loses no result. Empty: ${karaf.data}/orrery/agent.")
    String dataDir() default "";

    @AttributeDefinition(name = "Ledger retention (hours)", min = "1",
            description = "A task stays in the ledger this long after the center stored its result; a copy of it "
                    + "arriving later than that would run again.")
    int ledgerRetentionHours() default 24;

    @AttributeDefinition(name = "Outbox capacity", min = "1",
            description = "Most results kept until the center stores them; when full, the oldest is dropped.")
    int outboxCapacity() default 10000;

    @AttributeDefinition(name = "Resend minimum (ms)", min = "1", description = "First resend delay of an unacknowledged result (jittered).")
    long resendMinMillis() default 5000;

    @AttributeDefinition(name = "Resend maximum (ms)", min = "1",
            description = "Largest resend delay of an unacknowledged result; also how long a result the center answered"
                    + " QUEUED is not resent.")
    long resendMaxMillis() default 60000;

    @AttributeDefinition(name = "Resume handler wait (seconds)", min = "0",
            description = "After a restart, how long a task that was in flight waits for its handler to come back "
                    + "before it fails with HANDLER_MISSING.")
    int resumeHandlerWaitSeconds() default 60;

    @AttributeDefinition(name = "Bind address", required = false,
            description = "Local IP address (a literal) the agent's connections to the center and the channels are "
                    + "made from. Empty: any, chosen by the system.")
    String bindAddress() default "";
}
