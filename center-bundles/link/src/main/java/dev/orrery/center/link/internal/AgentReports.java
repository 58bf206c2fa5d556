package dev.orrery.center.link.internal;

import dev.orrery.center.store.DataStore;
import dev.orrery.center.store.HostStore;
import dev.orrery.protocol.Message;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What agents report through their channels besides task results: status sections and data
 * channel records. Both are written off the I/O threads in {@link Batches} keyed by host, so one
 * host's reports are written in the order they came. Status reports of a batch are merged per
 * host and written in one transaction; each {@link Message.Records} is appended in one
 * transaction and answered with a {@link Message.RecordsAck} on the session it came on. A full
 * queue drops the report: an agent sends every status section again after each Hello, and keeps
 * records in its spool until they are acked.
 */
final class AgentReports {
    private static final Logger LOG = LoggerFactory.getLogger(AgentReports.class);
    private static final int MAX_STATUS_BATCH = 1000;
    private static final int MAX_RECORDS_BATCH = 32;

    /** A records message and the channel session to answer on. */
    record PendingRecords(IoSession session, Message.Records records) {
    }

    private final HostStore hosts;
    private final DataStore data;
    private final Batches<Message.Status> status;
    private final Batches<PendingRecords> records;

    /**
     * @param hosts where status sections are kept
     * @param data where records are appended, {@code null} to drop them (no acks: agents keep them)
     * @param settings threads and queue capacity (those of registrations)
     */
    AgentReports(HostStore hosts, DataStore data, LinkSettings settings) {
        this.hosts = hosts;
        this.data = data;
        this.status = new Batches<>("status", settings.workerThreads(), settings.registrationQueue(), MAX_STATUS_BATCH,
                Message.Status::hostId, this::writeStatus, batch -> { });
        this.records = new Batches<>("records", settings.workerThreads(), settings.registrationQueue(), MAX_RECORDS_BATCH,
                p -> p.records().hostId(), this::writeRecords, batch -> { });
    }

    /** @param s a status report (queued; dropped when the queue is full) */
    void status(Message.Status s) {
        status.offer(s);
    }

    /**
     * @param session the channel session it came on, where the ack goes
     * @param r data records of one host (queued; dropped when the queue is full or there is no data store)
     */
    void records(IoSession session, Message.Records r) {
        if (data != null) {
            records.offer(new PendingRecords(session, r));
        }
    }

    /** Writes what is queued (for up to 5 s each), then stops. */
    void close() {
        status.close();
        records.close();
    }

    private void writeStatus(List<Message.Status> batch) {
        Map<String, Map<String, String>> byHost = new LinkedHashMap<>();
        for (Message.Status s : batch) {
            byHost.computeIfAbsent(s.hostId(), h -> new HashMap<>()).putAll(s.sections());
        }
        hosts.updateStatusAll(byHost, System.currentTimeMillis());
    }

    private void writeRecords(List<PendingRecords> batch) {
        for (PendingRecords p : batch) {
            Message.Records r = p.records();
            try {
                List<DataStore.Entry> entries = r.records().stream().map(d -> new DataStore.Entry(0, d.topic(), r.hostId(),
                        d.seq(), d.at(), new String(d.data(), StandardCharsets.UTF_8))).toList();
                long stored = data.append(r.hostId(), entries, r.dropped(), System.currentTimeMillis());
                p.session().write(new Message.RecordsAck(r.hostId(), stored));
            } catch (RuntimeException e) {
                // no ack: the agent keeps the records and sends them again
                LOG.warn("Could not store {} records of host {}: {}", r.records().size(), r.hostId(), e.getMessage());
            }
        }
    }
}
