package dev.orrery.protocol;

import dev.orrery.api.HostTaskState;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every message of the protocol. Each is an immutable record that writes its own fields; the
 * matching {@code read} method in {@link MessageType} reads them back in the same order.
 * Records holding byte arrays compare by identity of those arrays; compare fields in tests.
 */
public sealed interface Message {

    /** @return the frame type of this message */
    MessageType type();

    /** @param w where to write this message's fields in wire order */
    void write(WireWriter w);

    /**
     * Agent → center (ConfigService): who I am. Answered with {@link Welcome}.
     *
     * @param token enrollment token, may be empty
     * @param hostId stable host id
     * @param hostname the host's name
     * @param ips every address of the host, primary first
     * @param sn serial number
     * @param idc datacenter the host is in
     * @param groups host groups the agent declares
     * @param agentVersion the agent's version
     */
    record Register(String token, String hostId, String hostname, List<String> ips, String sn, String idc,
            List<String> groups, String agentVersion) implements Message {
        public Register {
            Objects.requireNonNull(hostId, "hostId");
            ips = List.copyOf(ips);
            groups = List.copyOf(groups);
        }

        @Override
        public MessageType type() {
            return MessageType.REGISTER;
        }

        @Override
        public void write(WireWriter w) {
            w.str(token).str(hostId).str(hostname).strList(ips).str(sn).str(idc).strList(groups).str(agentVersion);
        }

        static Register read(WireReader r) {
            return new Register(r.str(), required(r.str(), "hostId"), r.str(), r.strList(), r.str(), r.str(), r.strList(), r.str());
        }
    }

    /**
     * Center → agent: registration accepted; connect to one of these channels.
     *
     * @param hostId the host id the center recorded
     * @param channels channel addresses as {@code host:port}, in no particular order
     * @param heartbeatSeconds how often the agent sends heartbeats
     * @param taskKey the center's task-signing public key (X.509 encoding), empty if the center has none
     */
    record Welcome(String hostId, List<String> channels, int heartbeatSeconds, byte[] taskKey) implements Message {
        public Welcome {
            channels = List.copyOf(channels);
            taskKey = taskKey == null ? new byte[0] : taskKey;
        }

        /** A welcome without a task-signing key. */
        public Welcome(String hostId, List<String> channels, int heartbeatSeconds) {
            this(hostId, channels, heartbeatSeconds, null);
        }

        @Override
        public MessageType type() {
            return MessageType.WELCOME;
        }

        @Override
        public void write(WireWriter w) {
            w.str(hostId).strList(channels).i32(heartbeatSeconds).bytes(taskKey);
        }

        static Welcome read(WireReader r) {
            return new Welcome(r.str(), r.strList(), r.i32(), r.bytes());
        }
    }

    /** The role of the peer that opens a long connection. */
    enum Role {
        /** An agent connecting to a channel. */
        AGENT,
        /** A channel connecting to the center. */
        CHANNEL
    }

    /**
     * First message on a long connection: agent → channel, or channel → center.
     *
     * @param role who is speaking
     * @param id the hostId of an agent, or the channelId of a channel
     * @param idc the datacenter of the sender
     * @param address for a channel, the {@code host:port} agents reach it on; empty for agents
     * @param version the sender's software version
     */
    record Hello(Role role, String id, String idc, String address, String version) implements Message {
        public Hello {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public MessageType type() {
            return MessageType.HELLO;
        }

        @Override
        public void write(WireWriter w) {
            w.u8(role.ordinal()).str(id).str(idc).str(address).str(version);
        }

        static Hello read(WireReader r) {
            int role = r.u8();
            if (role >= Role.values().length) {
                throw new ProtocolException("unknown role " + role);
            }
            return new Hello(Role.values()[role], required(r.str(), "id"), r.str(), r.str(), r.str());
        }
    }

    /**
     * Keep-alive, in both directions.
     *
     * @param sentAtMillis sender's clock, epoch milliseconds
     */
    record Heartbeat(long sentAtMillis) implements Message {
        @Override
        public MessageType type() {
            return MessageType.HEARTBEAT;
        }

        @Override
        public void write(WireWriter w) {
            w.i64(sentAtMillis);
        }

        static Heartbeat read(WireReader r) {
            return new Heartbeat(r.i64());
        }
    }

    /**
     * Center → channel → agent: run this on that host.
     *
     * @param taskId the task id
     * @param hostId the target host
     * @param taskType the handler type, see {@code dev.orrery.api.TaskTypes}
     * @param params handler parameters (for {@code cmd}: command, runAs, cwd, env.*)
     * @param body opaque content for the handler (scripts, files), may be empty
     * @param timeoutSeconds how long the agent lets it run (what is left of the task's timeout)
     * @param seal the center's signature of the task for this host, {@code null} if unsigned
     */
    record Task(String taskId, String hostId, String taskType, Map<String, String> params, byte[] body,
            int timeoutSeconds, Seal seal) implements Message {
        public Task {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(taskType, "taskType");
            params = Map.copyOf(params);
            body = body == null ? new byte[0] : body;
        }

        /** An unsigned task (refused by agents that require signed tasks). */
        public Task(String taskId, String hostId, String taskType, Map<String, String> params, byte[] body,
                int timeoutSeconds) {
            this(taskId, hostId, taskType, params, body, timeoutSeconds, null);
        }

        /** @param s a seal @return this task with it */
        public Task withSeal(Seal s) {
            return new Task(taskId, hostId, taskType, params, body, timeoutSeconds, s);
        }

        @Override
        public MessageType type() {
            return MessageType.TASK;
        }

        @Override
        public void write(WireWriter w) {
            w.str(taskId).str(hostId).str(taskType).strMap(params).bytes(body).i32(timeoutSeconds).bool(seal != null);
            if (seal != null) {
                w.i32(seal.timeoutSeconds()).i64(seal.expiresAt()).bytes(seal.root()).bytes(seal.proof()).bytes(seal.signature());
            }
        }

        static Task read(WireReader r) {
            Task t = new Task(required(r.str(), "taskId"), required(r.str(), "hostId"), required(r.str(), "taskType"),
                    r.strMap(), r.bytes(), r.i32());
            return r.bool() ? t.withSeal(new Seal(r.i32(), r.i64(), r.bytes(), r.bytes(), r.bytes())) : t;
        }

        /**
         * What the center signed for a task (see {@code TaskSigning}), as one host receives it.
         *
         * @param timeoutSeconds the task's timeout as signed; the task's run time may not exceed it
         * @param expiresAt epoch ms after which the task must not start
         * @param root the Merkle root over the task's hosts, 32 bytes
         * @param proof this host's Merkle proof ({@code MerkleTree})
         * @param signature the Ed25519 signature, 64 bytes
         */
        public record Seal(int timeoutSeconds, long expiresAt, byte[] root, byte[] proof, byte[] signature) {
            public Seal {
                root = root == null ? new byte[0] : root;
                proof = proof == null ? new byte[0] : proof;
                signature = signature == null ? new byte[0] : signature;
            }

            /** @param hostProof a host's proof @return this seal, for that host */
            public Seal forHost(byte[] hostProof) {
                return new Seal(timeoutSeconds, expiresAt, root, hostProof, signature);
            }
        }
    }

    /** What an {@link Ack} acknowledges. */
    enum AckKind {
        /** Agent → center: the task arrived. */
        RECEIVED,
        /** Agent → center: the task started. */
        RUNNING,
        /** Center → agent: the result is stored; drop it from the outbox. */
        STORED,
        /** Channel → center: the channel holds no session for the host; the task was not delivered. */
        UNDELIVERABLE,
        /**
         * Center → agent: the result arrived and waits to be stored (the center is busy); keep it,
         * but do not send it again for a while: {@link #STORED} follows.
         */
        QUEUED
    }

    /**
     * Acknowledges progress of one host task, in either direction.
     *
     * @param taskId the task id
     * @param hostId the host
     * @param kind what is acknowledged
     */
    record Ack(String taskId, String hostId, AckKind kind) implements Message {
        public Ack {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public MessageType type() {
            return MessageType.ACK;
        }

        @Override
        public void write(WireWriter w) {
            w.str(taskId).str(hostId).u8(kind.ordinal());
        }

        static Ack read(WireReader r) {
            String taskId = required(r.str(), "taskId");
            String hostId = required(r.str(), "hostId");
            int kind = r.u8();
            if (kind >= AckKind.values().length) {
                throw new ProtocolException("unknown ack kind " + kind);
            }
            return new Ack(taskId, hostId, AckKind.values()[kind]);
        }
    }

    /**
     * Agent → channel → center: the final outcome of one host task.
     *
     * @param taskId the task id
     * @param hostId the host
     * @param state a final state
     * @param exitCode the process exit code, -1 where none
     * @param stdout captured standard output, capped
     * @param stderr captured standard error, capped
     * @param truncated whether either stream was cut at its cap
     * @param errorCode an {@code ErrorCode} name, or {@code null} on success
     * @param errorMessage human text for the error, or {@code null}
     * @param startedAt epoch ms the execution started, 0 if it never did
     * @param finishedAt epoch ms it ended
     */
    record Result(String taskId, String hostId, HostTaskState state, int exitCode, byte[] stdout, byte[] stderr,
            boolean truncated, String errorCode, String errorMessage, long startedAt, long finishedAt) implements Message {
        public Result {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(state, "state");
            stdout = stdout == null ? new byte[0] : stdout;
            stderr = stderr == null ? new byte[0] : stderr;
        }

        @Override
        public MessageType type() {
            return MessageType.RESULT;
        }

        @Override
        public void write(WireWriter w) {
            w.str(taskId).str(hostId).u8(state.ordinal()).i32(exitCode).bytes(stdout).bytes(stderr).bool(truncated)
                    .str(errorCode).str(errorMessage).i64(startedAt).i64(finishedAt);
        }

        static Result read(WireReader r) {
            String taskId = required(r.str(), "taskId");
            String hostId = required(r.str(), "hostId");
            int state = r.u8();
            if (state >= HostTaskState.values().length || !HostTaskState.values()[state].isFinal()) {
                throw new ProtocolException("result state must be final: " + state);
            }
            return new Result(taskId, hostId, HostTaskState.values()[state], r.i32(), r.bytes(), r.bytes(), r.bool(),
                    r.str(), r.str(), r.i64(), r.i64());
        }
    }

    /**
     * Channel → agent: reconnect to one of these channels instead (load balancing, shutdown).
     *
     * @param channels alternative channel addresses, possibly empty (then re-register)
     * @param reason why, for the agent's log
     */
    record Redirect(List<String> channels, String reason) implements Message {
        public Redirect {
            channels = List.copyOf(channels);
        }

        @Override
        public MessageType type() {
            return MessageType.REDIRECT;
        }

        @Override
        public void write(WireWriter w) {
            w.strList(channels).str(reason);
        }

        static Redirect read(WireReader r) {
            return new Redirect(r.strList(), r.str());
        }
    }

    /**
     * Channel → center: the full set of agents this channel holds right now, and its load.
     *
     * @param channelId the reporting channel
     * @param hostIds every connected agent's host id
     * @param running host tasks the channel has in flight
     */
    record Report(String channelId, List<String> hostIds, int running) implements Message {
        public Report {
            Objects.requireNonNull(channelId, "channelId");
            hostIds = List.copyOf(hostIds);
        }

        @Override
        public MessageType type() {
            return MessageType.REPORT;
        }

        @Override
        public void write(WireWriter w) {
            w.str(channelId).strList(hostIds).i32(running);
        }

        static Report read(WireReader r) {
            return new Report(required(r.str(), "channelId"), r.strList(), r.i32());
        }
    }

    /**
     * Center → channel → agent: stop this host task (kill its processes).
     *
     * @param taskId the task id
     * @param hostId the host
     */
    record Cancel(String taskId, String hostId) implements Message {
        public Cancel {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(hostId, "hostId");
        }

        @Override
        public MessageType type() {
            return MessageType.CANCEL;
        }

        @Override
        public void write(WireWriter w) {
            w.str(taskId).str(hostId);
        }

        static Cancel read(WireReader r) {
            return new Cancel(required(r.str(), "taskId"), required(r.str(), "hostId"));
        }
    }

    /**
     * Center → channel: move agents to other channels (load balancing, giving borrowed agents
     * back to their own datacenter). The channel sends each chosen agent a {@link Redirect} to
     * {@code targets}; it only ever moves agents that have no task in flight.
     *
     * @param count how many idle agents to move when {@code hostIds} is empty
     * @param hostIds these agents (if idle), instead of a count
     * @param targets channel addresses the moved agents should connect to
     * @param reason why, for the logs
     */
    record Shed(int count, List<String> hostIds, List<String> targets, String reason) implements Message {
        public Shed {
            hostIds = List.copyOf(hostIds);
            targets = List.copyOf(targets);
        }

        @Override
        public MessageType type() {
            return MessageType.SHED;
        }

        @Override
        public void write(WireWriter w) {
            w.i32(count).strList(hostIds).strList(targets).str(reason);
        }

        static Shed read(WireReader r) {
            int count = r.i32();
            if (count < 0) {
                throw new ProtocolException("negative shed count " + count);
            }
            return new Shed(count, r.strList(), r.strList(), r.str());
        }
    }

    /**
     * Agent or channel → center (:7700, before it has a certificate): enroll with a token. The
     * key pair was generated by the sender; its private key never leaves it. Answered with
     * {@link Enrolled} or {@link EnrollRefused}.
     *
     * @param role who enrolls
     * @param id the hostId of an agent, or the channelId of a channel: the certificate's subject
     * @param token the enrollment token
     * @param publicKey the sender's public key, X.509 (SubjectPublicKeyInfo) encoding
     */
    record Enroll(Role role, String id, String token, byte[] publicKey) implements Message {
        public Enroll {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(id, "id");
            publicKey = publicKey == null ? new byte[0] : publicKey;
        }

        @Override
        public MessageType type() {
            return MessageType.ENROLL;
        }

        @Override
        public void write(WireWriter w) {
            w.u8(role.ordinal()).str(id).str(token).bytes(publicKey);
        }

        static Enroll read(WireReader r) {
            int role = r.u8();
            if (role >= Role.values().length) {
                throw new ProtocolException("unknown role " + role);
            }
            return new Enroll(Role.values()[role], required(r.str(), "id"), r.str(), r.bytes());
        }
    }

    /**
     * Center → enrolling agent or channel: its certificate.
     *
     * @param id the certificate's subject
     * @param certificate the issued certificate, DER
     * @param caCertificate the issuing CA's certificate, DER
     */
    record Enrolled(String id, byte[] certificate, byte[] caCertificate) implements Message {
        public Enrolled {
            Objects.requireNonNull(id, "id");
            certificate = certificate == null ? new byte[0] : certificate;
            caCertificate = caCertificate == null ? new byte[0] : caCertificate;
        }

        @Override
        public MessageType type() {
            return MessageType.ENROLLED;
        }

        @Override
        public void write(WireWriter w) {
            w.str(id).bytes(certificate).bytes(caCertificate);
        }

        static Enrolled read(WireReader r) {
            return new Enrolled(required(r.str(), "id"), r.bytes(), r.bytes());
        }
    }

    /**
     * Center → enrolling agent or channel: no certificate (bad, expired or used-up token, a
     * revoked host, a malformed key).
     *
     * @param code the error code ({@code ENROLL_REFUSED} or {@code HOST_REVOKED})
     * @param reason why, for the logs
     */
    record EnrollRefused(String code, String reason) implements Message {
        @Override
        public MessageType type() {
            return MessageType.ENROLL_REFUSED;
        }

        @Override
        public void write(WireWriter w) {
            w.str(code).str(reason);
        }

        static EnrollRefused read(WireReader r) {
            return new EnrollRefused(r.str(), r.str());
        }
    }

    /**
     * Center → channel: revoked agents. The channel closes their sessions and refuses them from
     * then on.
     *
     * @param full {@code true}: {@code revoked} is the whole list (sent on connect) and replaces
     *        the channel's; {@code false}: add {@code revoked}, remove {@code restored}
     * @param revoked hostIds revoked
     * @param restored hostIds no longer revoked
     */
    record Revocations(boolean full, List<String> revoked, List<String> restored) implements Message {
        public Revocations {
            revoked = List.copyOf(revoked);
            restored = List.copyOf(restored);
        }

        @Override
        public MessageType type() {
            return MessageType.REVOCATIONS;
        }

        @Override
        public void write(WireWriter w) {
            w.u8(full ? 1 : 0).strList(revoked).strList(restored);
        }

        static Revocations read(WireReader r) {
            return new Revocations(r.u8() != 0, r.strList(), r.strList());
        }
    }

    /**
     * Agent → channel → center: what the agent reports about its host and itself, one JSON text
     * per section ({@code hostinfo}, {@code agent}, {@code cron}, …). Sent for every section
     * after the agent's Hello and then for the sections that changed; the center keeps the last
     * text of each section per host.
     *
     * @param hostId the reporting host
     * @param sections section name → JSON text
     */
    record Status(String hostId, Map<String, String> sections) implements Message {
        public Status {
            Objects.requireNonNull(hostId, "hostId");
            sections = Map.copyOf(sections);
        }

        @Override
        public MessageType type() {
            return MessageType.STATUS;
        }

        @Override
        public void write(WireWriter w) {
            w.str(hostId).strMap(sections);
        }

        static Status read(WireReader r) {
            return new Status(required(r.str(), "hostId"), r.strMap());
        }
    }

    /**
     * One data channel record as the agent numbered it.
     *
     * @param seq the host's sequence number, increasing by one per record over all topics
     * @param topic the topic
     * @param at epoch ms the agent took the record
     * @param data the record, one line without its line break
     */
    record DataRecord(long seq, String topic, long at, byte[] data) {
        public DataRecord {
            Objects.requireNonNull(topic, "topic");
            data = data == null ? new byte[0] : data;
        }
    }

    /**
     * Agent → channel → center: data channel records of one host, in sequence order. The center
     * stores those past the last sequence it stored for the host (so a batch sent twice is not
     * stored twice) and answers with {@link RecordsAck}.
     *
     * @param hostId the host
     * @param records the records, consecutive sequence numbers
     * @param dropped how many records the agent dropped so far because its spool was full
     */
    record Records(String hostId, List<DataRecord> records, long dropped) implements Message {
        public Records {
            Objects.requireNonNull(hostId, "hostId");
            records = List.copyOf(records);
        }

        @Override
        public MessageType type() {
            return MessageType.RECORDS;
        }

        @Override
        public void write(WireWriter w) {
            w.str(hostId).i32(records.size());
            for (DataRecord d : records) {
                w.i64(d.seq()).str(d.topic()).i64(d.at()).bytes(d.data());
            }
            w.i64(dropped);
        }

        static Records read(WireReader r) {
            String hostId = required(r.str(), "hostId");
            int n = r.i32();
            if (n < 0 || n > MAX_RECORDS) {
                throw new ProtocolException("record count out of range: " + n);
            }
            List<DataRecord> list = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(new DataRecord(r.i64(), required(r.str(), "topic"), r.i64(), r.bytes()));
            }
            return new Records(hostId, list, r.i64());
        }
    }

    /** The most records one {@link Records} message may carry. */
    int MAX_RECORDS = 10_000;

    /**
     * Center → channel → agent: every record of the host up to {@code seq} is stored; the agent
     * drops them from its spool.
     *
     * @param hostId the host
     * @param seq the highest sequence number stored
     */
    record RecordsAck(String hostId, long seq) implements Message {
        public RecordsAck {
            Objects.requireNonNull(hostId, "hostId");
        }

        @Override
        public MessageType type() {
            return MessageType.RECORDS_ACK;
        }

        @Override
        public void write(WireWriter w) {
            w.str(hostId).i64(seq);
        }

        static RecordsAck read(WireReader r) {
            return new RecordsAck(required(r.str(), "hostId"), r.i64());
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new ProtocolException("missing " + field);
        }
        return value;
    }
}
