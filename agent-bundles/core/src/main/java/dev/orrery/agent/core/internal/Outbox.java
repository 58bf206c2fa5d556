package dev.orrery.agent.core.internal;

import dev.orrery.protocol.Message.Result;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results that could not be sent while no channel was connected, sent again after the next
 * connect. In memory and bounded (the oldest is dropped first); the persistent outbox that
 * survives a restart is a later step. Thread-safe.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int CAPACITY = 1_000;

    private final Deque<Result> results = new ArrayDeque<>();

    /** @param r a result to send later */
    synchronized void add(Result r) {
        if (results.size() >= CAPACITY) {
            Result dropped = results.poll();
            LOG.warn("Outbox full: dropping the result of task {}", dropped.taskId());
        }
        results.add(r);
    }

    /** @return every kept result, oldest first; the outbox is then empty */
    synchronized List<Result> drain() {
        List<Result> all = new ArrayList<>(results);
        results.clear();
        return all;
    }
}
