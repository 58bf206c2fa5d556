package dev.orrery.agent.api;

import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The agent's data channel, provided by the agent core: records published here reach the center
 * in order per host, never duplicated, and are read there with {@code GET /data/{topic}}. While
 * the agent is disconnected records are spooled (bounded; when full the oldest are dropped and
 * counted). Thread-safe; {@link #publish} never blocks on the network.
 */
@ProviderType
public interface DataChannel {
    /** The task parameter naming the topic a task's standard output lines go to. */
    String TOPIC_PARAM = "dataTopic";
    /** Topics with this prefix are Orrery's own (cron runs: {@code orrery.cron.<cronId>}). */
    String RESERVED_PREFIX = "orrery.";
    /** A valid topic: 1–128 of letters, digits, {@code . _ -}, starting with a letter or digit. */
    Pattern TOPIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** Records longer than this many bytes are cut to it. */
    int MAX_RECORD_BYTES = 16 * 1024;

    /**
     * Appends one record to a topic.
     *
     * @param topic a topic matching {@link #TOPIC}
     * @param data the record: one line, without its line break; cut at {@link #MAX_RECORD_BYTES}
     * @throws IllegalArgumentException for an invalid topic
     */
    void publish(String topic, byte[] data);

    /**
     * @param topic a candidate
     * @return whether it is a valid topic name
     */
    static boolean validTopic(String topic) {
        return topic != null && TOPIC.matcher(topic).matches();
    }
}
