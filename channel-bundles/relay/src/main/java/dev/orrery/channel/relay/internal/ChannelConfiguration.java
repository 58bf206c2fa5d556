package dev.orrery.channel.relay.internal;

import dev.orrery.protocol.Frames;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the channel relay, PID {@code dev.orrery.channel}. Checked by {@link ChannelSettings#from}. */
@ObjectClassDefinition(name = "Orrery channel relay",
        description = "Holds agent connections, relays tasks down and acks/results up to the center, reports its agents.")
public @interface ChannelConfiguration {

    @AttributeDefinition(description = "Id of this channel as the center knows it; empty means <hostname>:<port>.")
    String channelId() default "";

    @AttributeDefinition(description = "Datacenter (IDC) this channel serves.")
    String idc() default "default";

    @AttributeDefinition(description = "Address the agent listener binds to.")
    String listenHost() default "0.0.0.0";

    @AttributeDefinition(description = "TCP port agents connect to (0 picks a free port).", min = "0", max = "65535")
    int port() default 7710;

    @AttributeDefinition(description = "host:port agents should use to reach this channel, as handed out by the center; "
            + "empty means 127.0.0.1:<port>.")
    String advertisedAddress() default "";

    @AttributeDefinition(description = "Host of the center's channel port.")
    String centerHost() default "127.0.0.1";

    @AttributeDefinition(description = "The center's port for channels.", min = "1", max = "65535")
    int centerPort() default 7700;

    @AttributeDefinition(description = "Largest frame payload accepted, in bytes; a larger frame closes its connection.",
            min = "1024")
    int maxFrameBytes() default Frames.DEFAULT_MAX_PAYLOAD;

    @AttributeDefinition(description = "Heartbeat period in seconds; an agent silent for three periods is disconnected.",
            min = "1")
    int heartbeatSeconds() default 10;

    @AttributeDefinition(description = "Seconds between full reports of the connected agents to the center.", min = "1")
    int reportIntervalSeconds() default 10;

    @AttributeDefinition(description = "Smallest delay before reconnecting to the center, in milliseconds.", min = "1")
    long reconnectBackoffMinMs() default 500;

    @AttributeDefinition(description = "Largest delay before reconnecting to the center, in milliseconds.", min = "1")
    long reconnectBackoffMaxMs() default 10000;

    @AttributeDefinition(description = "New agent sessions admitted per second; an agent over the rate is disconnected "
            + "at once and retries after its jittered backoff (no thundering herd).", min = "1")
    int admitPerSecond() default ChannelSettings.DEFAULT_ADMIT_PER_SECOND;

    @AttributeDefinition(description = "New agent sessions admitted at once after a quiet time (token bucket size).",
            min = "1")
    int admitBurst() default ChannelSettings.DEFAULT_ADMIT_BURST;

    @AttributeDefinition(description = "Most agents per second asked to move to another channel when the center "
            + "balances the cluster (only agents with nothing in flight are moved).", min = "1")
    int redirectsPerSecond() default ChannelSettings.DEFAULT_REDIRECTS_PER_SECOND;

    @AttributeDefinition(description = "TLS on both links: agents connect with certificates of the center's CA (mutual"
            + " TLS, the Hello id must equal the certificate's subject), the uplink to the center uses this channel's"
            + " certificate. false: plain text (tests, benchmarks).")
    boolean tls() default true;

    @AttributeDefinition(description = "Folder of this channel's key and certificates (key.pem 0600, cert.pem, ca.pem)."
            + " Empty: ${karaf.data}/orrery/tls/channel.", required = false)
    String tlsDir() default "";

    @AttributeDefinition(description = "Enrollment token (kind channel) used once, when the channel has no certificate yet."
            + " Empty: read enrollTokenFile.", required = false)
    String enrollToken() default "";

    @AttributeDefinition(description = "File holding the enrollment token. Empty: ${karaf.data}/orrery/enroll-channel.token.",
            required = false)
    String enrollTokenFile() default "";

    @AttributeDefinition(description = "The center CA's certificate, pinned when enrolling. Empty: ${karaf.data}/orrery/ca.pem.",
            required = false)
    String caFile() default "";

    @AttributeDefinition(description = "SHA-256 fingerprint of the center's CA certificate (hex, colons allowed): pins the"
            + " CA when there is no caFile; checked against caFile when both are set.", required = false)
    String caFingerprint() default "";
}
