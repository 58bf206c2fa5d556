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

    @AttributeDefinition(name = "Enrollment token", required = false, description = "Enrollment token: used once with TLS to get this agent's certificate (else enrollTokenFile), and presented at registration; may be empty.")
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
            description = "A task stays in the ledger this long after the center stored its result; a copy arriving "
                    + "meanwhile is refused (TASK_REPLAYED). A signed task that expires later than this from its arrival "
                    + "is refused (TASK_EXPIRED), so keep it above the center's longest timeout plus its expiry grace.")
    int ledgerRetentionHours() default 48;

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

    @AttributeDefinition(name = "Require signed tasks",
            description = "Refuse every task the center did not sign (TASK_UNSIGNED). Signed tasks are always verified "
                    + "against the pinned center key: altered or foreign ones fail with TASK_SIGNATURE_INVALID, expired "
                    + "ones with TASK_EXPIRED, replays with TASK_REPLAYED.")
    boolean requireSignedTasks() default true;

    @AttributeDefinition(name = "Pinned center key file", required = false,
            description = "PEM file of the center's task-signing public key. Learnt from the first registration when "
                    + "absent (or put there beforehand: the center writes it to ${karaf.data}/orrery/task-signing.pub). "
                    + "Empty: <data folder>/center-task-key.pem.")
    String taskKeyFile() default "";

    @AttributeDefinition(name = "Re-pin the center key",
            description = "Accept a task-signing key different from the pinned one at the next registration and pin it "
                    + "instead (after a rotation of the center's key). Without it, a different key is refused and logged "
                    + "as an error. Set it back to false afterwards.")
    boolean repinTaskKey() default false;

    /** @return whether the agent's links use mutual TLS */
    @AttributeDefinition(name = "TLS", description = "Mutual TLS to the center and the channels with a certificate of the"
            + " center's CA; without one yet, the agent enrolls first (enrollmentToken or enrollTokenFile, pinned CA)."
            + " false: plain text (tests, benchmarks).")
    boolean tls() default true;

    /** @return folder of the agent's key and certificates */
    @AttributeDefinition(name = "TLS folder", required = false,
            description = "Folder of key.pem (0600), cert.pem and ca.pem. Empty: ${karaf.data}/orrery/tls/agent.")
    String tlsDir() default "";

    /** @return file holding the enrollment token */
    @AttributeDefinition(name = "Enrollment token file", required = false,
            description = "File holding the enrollment token when enrollmentToken is empty. Empty: ${karaf.data}/orrery/enroll-agent.token.")
    String enrollTokenFile() default "";

    /** @return the pinned CA certificate file */
    @AttributeDefinition(name = "CA certificate file", required = false,
            description = "The center CA's certificate, pinned when enrolling. Empty: ${karaf.data}/orrery/ca.pem.")
    String caFile() default "";

    /** @return the pinned CA fingerprint */
    @AttributeDefinition(name = "CA fingerprint", required = false,
            description = "SHA-256 fingerprint of the center CA's certificate (hex, colons allowed): pins the CA when there is"
                    + " no caFile; checked against caFile when both are set. The agent never trusts an unverified center.")
    String caFingerprint() default "";
}
