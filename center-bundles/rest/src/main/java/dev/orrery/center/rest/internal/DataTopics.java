package dev.orrery.center.rest.internal;

import java.util.regex.Pattern;

/**
 * Data channel topic names as the API accepts them. The agent API's {@code DataChannel} defines
 * the rule; the REST bundle may not depend on the agent API, so its pattern and reserved prefix
 * are copied here: keep them in step with {@code dev.orrery.agent.api.DataChannel.TOPIC} and
 * {@code RESERVED_PREFIX}.
 */
final class DataTopics {
    /** A topic: a letter or digit, then letters, digits, {@code .}, {@code _} or {@code -}; at most 128 characters. */
    static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** Topics the agent itself writes (cron runs, ...); a task may not name one. */
    static final String RESERVED_PREFIX = "orrery.";
    /** The task parameter naming a task's topic. */
    static final String PARAM = "dataTopic";

    private DataTopics() {
    }

    /**
     * @param topic a topic a task should write to, or {@code null}
     * @return it, or {@code null} when absent
     * @throws dev.orrery.api.OrreryException {@code INVALID_REQUEST} for a malformed or reserved topic
     */
    static String forTask(String topic) {
        if (topic == null) {
            return null;
        }
        if (!TOPIC.matcher(topic).matches()) {
            throw Fields.invalid(PARAM + " must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (topic.startsWith(RESERVED_PREFIX)) {
            throw Fields.invalid(PARAM + " may not start with '" + RESERVED_PREFIX + "': those topics are the agent's own");
        }
        return topic;
    }

    /**
     * @param topic a topic to read (reserved ones included)
     * @return it
     * @throws dev.orrery.api.OrreryException {@code INVALID_REQUEST} for a malformed topic
     */
    static String forReading(String topic) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw Fields.invalid("the topic must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return topic;
    }
}
