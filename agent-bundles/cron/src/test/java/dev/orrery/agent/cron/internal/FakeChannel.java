package dev.orrery.agent.cron.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.agent.api.DataChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A data channel that keeps what is published. */
final class FakeChannel implements DataChannel {
    record Published(String topic, JsonNode record) {
    }

    final List<Published> records = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String topic, byte[] data) {
        if (!DataChannel.validTopic(topic)) {
            throw new IllegalArgumentException(topic);
        }
        try {
            records.add(new Published(topic, JobSet.MAPPER.readTree(data)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> of(String topic) {
        return records.stream().filter(p -> p.topic().equals(topic)).map(Published::record).toList();
    }
}
