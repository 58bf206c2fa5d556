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

    /** @return seconds between two readings of the status sources */
    @AttributeDefinition(name = "Status interval (seconds)", min = "1",
            description = "How often the status sources (hostinfo, cron, agent, ...) are read; only the sections whose"
                    + " text changed are sent. Every section is sent after each connection to a channel.")
    int statusSeconds() default 30;

    /** @return the longest time between two sends of the agent section */
    @AttributeDefinition(name = "Agent section refresh (seconds)", min = "1",
            description = "The 'agent' section (usage, watchdog, data spool) is sent when something material changed,"
                    + " else at most this often. At least statusSeconds.")
    int statusFullSeconds() default 300;

    /** @return the spool's byte bound */
    @AttributeDefinition(name = "Data spool maximum (bytes)", min = "65536",
            description = "Most bytes of data channel records kept on disk until the center stores them; when full the"
                    + " oldest are dropped and counted.")
    long dataSpoolMaxBytes() default 64L << 20;

    /** @return the spool's record bound */
    @AttributeDefinition(name = "Data spool maximum (records)", min = "1",
            description = "Most data channel records kept on disk; when full the oldest are dropped and counted.")
    int dataSpoolMaxRecords() default 200000;

    /** @return records per upload */
    @AttributeDefinition(name = "Data batch (records)", min = "1", max = "10000",
            description = "Most records in one upload (also at most 256 KiB of data).")
    int dataBatchRecords() default 500;

    /** @return seconds an upload waits for its ack */
    @AttributeDefinition(name = "Data ack timeout (seconds)", min = "1",
            description = "An upload the center has not acknowledged after this long is sent again.")
    int dataAckTimeoutSeconds() default 15;

    /** @return the CPU cap */
    @AttributeDefinition(name = "Watchdog CPU cap (percent of a core)", min = "0",
            description = "CPU the agent's process may use over a sampling interval, in percent of one core (50: half a"
                    + " core). Above it new tasks wait (then fail with AGENT_OVERLOADED) and the data upload slows. 0: off.")
    int watchdogCpuPercent() default 50;

    /** @return the heap cap */
    @AttributeDefinition(name = "Watchdog heap cap (percent)", min = "0", max = "100",
            description = "Heap in use after the latest garbage collection, in percent of the maximum heap. Above it new"
                    + " tasks fail with AGENT_OVERLOADED. 0: off.")
    int watchdogHeapPercent() default 85;

    /** @return the sampling interval */
    @AttributeDefinition(name = "Watchdog interval (seconds)", min = "1", description = "How often CPU and memory are sampled.")
    int watchdogIntervalSeconds() default 5;

    /** @return how long a new task waits for the CPU */
    @AttributeDefinition(name = "Watchdog task delay (seconds)", min = "0",
            description = "Over the CPU cap, how long a new task waits for the CPU to drop before it fails with"
                    + " AGENT_OVERLOADED. 0: refuse at once.")
    int watchdogMaxDelaySeconds() default 60;
}
