package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.protocol.Message.Result;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers which host tasks run, which ended (with their latest results), and which were
 * cancelled before they arrived, so a duplicate is answered at once. In memory and bounded: the
 * {@link TaskJournal} on disk is the authority on what ran (across restarts and beyond these
 * bounds). Thread-safe.
 */
final class TaskLedger {
    /** What {@link #admit} found. */
    enum Admission {
        /** First sighting: the caller runs it. */
        NEW,
        /** Already running. */
        RUNNING,
        /** Already ended. */
        DONE,
        /** A cancel arrived before the task: do not run it. */
        CANCELLED_EARLY
    }

    private static final int DONE_IDS = 65_536;
    private static final int KEPT_RESULTS = 256;
    private static final int EARLY_CANCELS = 1_024;

    private final Map<String, CancellableContext> running = new HashMap<>();
    private final Map<String, Boolean> done = lru(DONE_IDS);
    private final Map<String, Result> results = lru(KEPT_RESULTS);
    private final Map<String, Boolean> earlyCancels = lru(EARLY_CANCELS);

    /**
     * @param taskId the task
     * @param hostId the host
     * @return the key of the host task
     */
    static String key(String taskId, String hostId) {
        return taskId + '\u0000' + hostId;
    }

    /**
     * @param key the host task
     * @param execution its context, recorded as running when the answer is {@link Admission#NEW}
     * @return whether to run it
     */
    synchronized Admission admit(String key, CancellableContext execution) {
        if (running.containsKey(key)) {
            return Admission.RUNNING;
        }
        if (done.containsKey(key)) {
            return Admission.DONE;
        }
        if (earlyCancels.remove(key) != null) {
            return Admission.CANCELLED_EARLY;
        }
        running.put(key, execution);
        return Admission.NEW;
    }

    /**
     * @param key the host task
     * @param result its final result
     */
    synchronized void finish(String key, Result result) {
        running.remove(key);
        done.put(key, Boolean.TRUE);
        results.put(key, result);
    }

    /** @param key a host task that ended before (found in the journal), its result not in memory */
    synchronized void remember(String key) {
        running.remove(key);
        done.put(key, Boolean.TRUE);
    }

    /**
     * @param key the host task
     * @return its result if it ended recently
     */
    synchronized Optional<Result> result(String key) {
        return Optional.ofNullable(results.get(key));
    }

    /**
     * Finds a running task to cancel, or remembers the cancel of one not seen yet.
     *
     * @param key the host task
     * @return the running execution, if any
     */
    synchronized Optional<CancellableContext> cancel(String key) {
        CancellableContext e = running.get(key);
        if (e == null && !done.containsKey(key)) {
            earlyCancels.put(key, Boolean.TRUE);
        }
        return Optional.ofNullable(e);
    }

    /** @return how many run */
    synchronized int runningCount() {
        return running.size();
    }

    /** @return every running execution */
    synchronized List<CancellableContext> running() {
        return List.copyOf(running.values());
    }

    private static <V> Map<String, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
