package dev.orrery.center.store;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The center's side of the data channel: records of every host, in order per host, each stored
 * once, read by topic with a cursor.
 */
@ProviderType
public interface DataStore {

    /**
     * Stores the records of one host whose sequence numbers are past the last one stored for it
     * (a batch delivered twice is stored once), in one transaction.
     *
     * @param hostId the host
     * @param records consecutive records of the host, in sequence order
     * @param dropped how many records the agent dropped so far (spool full); kept per host
     * @param now epoch ms
     * @return the highest sequence number stored for the host after this call (0 if none)
     */
    long append(String hostId, List<Entry> records, long dropped, long now);

    /**
     * @param topic the topic
     * @param after a cursor from a previous page, 0 for the start
     * @param limit at most this many records
     * @param hostIds only these hosts (the caller's scope), or {@code null} for all
     * @return the records after the cursor, in storage order (which keeps each host's order)
     */
    Page read(String topic, long after, int limit, Collection<String> hostIds);

    /**
     * The newest records of a topic, for a reader that starts at the end ({@code tail -n}).
     *
     * @param topic the topic
     * @param n at most this many records
     * @param hostIds only these hosts, or {@code null} for all
     * @return the newest records in storage order, and the cursor of the newest record of the
     *     topic (0 if none) to read on from
     * @since 0.7
     */
    default Page last(String topic, int n, Collection<String> hostIds) {
        java.util.ArrayDeque<Entry> newest = new java.util.ArrayDeque<>();
        long cursor = 0;
        while (true) {
            Page p = read(topic, cursor, 1000, hostIds);
            for (Entry e : p.records()) {
                newest.addLast(e);
                if (newest.size() > n) {
                    newest.removeFirst();
                }
            }
            if (p.next() == cursor) {
                return new Page(List.copyOf(newest), cursor);
            }
            cursor = p.next();
        }
    }

    /**
     * @param hostId a host
     * @return how many records the host's agent reported dropped (spool full)
     */
    long dropped(String hostId);

    /**
     * One record.
     *
     * @param cursor its position in the store (0 on input)
     * @param topic its topic
     * @param hostId the host that wrote it
     * @param seq the host's sequence number
     * @param at epoch ms the agent took it
     * @param data the record, UTF-8 text
     */
    record Entry(long cursor, String topic, String hostId, long seq, long at, String data) {
        public Entry {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(hostId, "hostId");
            data = data == null ? "" : data;
        }
    }

    /**
     * A page of records.
     *
     * @param records the records
     * @param next the cursor to ask with next (the last record's, or the one asked with when empty)
     */
    record Page(List<Entry> records, long next) {
        public Page {
            records = List.copyOf(records);
        }
    }
}
