package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.TaskSigning;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a task that arrived may run: it must name this host, be signed by the center's
 * pinned key for this host (its Merkle proof) with every field as signed, and not be past its
 * expiry. Duplicates of tasks already in the ledger never come here (the {@link TaskRunner}
 * answers them from the ledger, or with {@code TASK_REPLAYED} once their result is stored).
 * Thread-safe.
 */
final class TaskTrust {
    private static final Logger LOG = LoggerFactory.getLogger(TaskTrust.class);
    /**
     * The settings of task verification.
     *
     * @param required whether unsigned tasks are refused ({@code TASK_UNSIGNED})
     * @param keyFile where the center's key is pinned
     * @param repin whether a welcome with a different key replaces the pinned one
     */
    record Settings(boolean required, Path keyFile, boolean repin) {
        Settings {
            if (keyFile == null || !keyFile.isAbsolute()) {
                throw new IllegalArgumentException("taskKeyFile must be an absolute path: " + keyFile);
            }
        }

        /** @param dataDir the agent's data folder @return signed tasks required, key pinned in the data folder */
        static Settings defaults(Path dataDir) {
            return new Settings(true, dataDir.resolve("center-task-key.pem"), false);
        }
    }

    private final boolean required;
    private final PinnedKey pinned;
    private final long replayWindowMillis;
    private volatile String hostId;

    /**
     * @param settings the settings
     * @param hostId this host's id until a welcome names the one the center recorded
     * @param replayWindowMillis how long the ledger remembers a task whose result was stored: a
     *     task that expires later than this from now could be replayed after it was forgotten
     */
    TaskTrust(Settings settings, String hostId, long replayWindowMillis) {
        this.required = settings.required();
        this.pinned = new PinnedKey(settings.keyFile(), settings.repin());
        this.hostId = hostId;
        this.replayWindowMillis = replayWindowMillis;
    }

    /**
     * @param recordedHostId the host id the center recorded
     * @param taskKey the center's task-signing key from the welcome, empty if none
     */
    void welcomed(String recordedHostId, byte[] taskKey) {
        hostId = recordedHostId;
        pinned.offer(taskKey);
    }

    /**
     * @param t a task seen for the first time
     * @param now epoch ms
     * @return why it must not run, as the outcome to report; empty if it may run
     */
    Optional<TaskOutcome> refusal(Task t, long now) {
        String me = hostId;
        if (!t.hostId().equals(me)) {
            return refuse(ErrorCode.TASK_REPLAYED, "the task names host '" + t.hostId() + "' but reached host '" + me + "'");
        }
        Optional<PublicKey> key = pinned.get();
        if (t.seal() == null) {
            return required ? refuse(ErrorCode.TASK_UNSIGNED, "the task is not signed by the center and this agent "
                    + "requires signed tasks (requireSignedTasks)") : Optional.empty();
        }
        if (key.isEmpty()) {
            return required ? refuse(ErrorCode.TASK_SIGNATURE_INVALID, "the agent has no pinned center key to verify the "
                    + "task with") : Optional.empty();
        }
        if (!TaskSigning.verify(key.get(), t)) {
            return refuse(ErrorCode.TASK_SIGNATURE_INVALID, "the task's signature does not verify with the pinned center "
                    + "key for this host: it was altered, signed for other hosts, or signed with another key");
        }
        long expires = t.seal().expiresAt();
        if (now > expires) {
            return refuse(ErrorCode.TASK_EXPIRED, "the task expired " + (now - expires) / 1000 + " s ago (agent clock)");
        }
        if (expires - now >= replayWindowMillis) {
            return refuse(ErrorCode.TASK_EXPIRED, "the task expires " + (expires - now) / 1000 + " s from now, later than "
                    + "this agent remembers finished tasks (ledgerRetentionHours): it could be replayed after that");
        }
        return Optional.empty();
    }

    private static Optional<TaskOutcome> refuse(ErrorCode code, String message) {
        return Optional.of(TaskOutcome.failed(code, message));
    }

    /** As {@link #refusal(Task, long)}, logging a refusal as a warning. */
    Optional<TaskOutcome> check(Task t, long now) {
        Optional<TaskOutcome> r = refusal(t, now);
        r.ifPresent(o -> LOG.warn("Refused task {} ({}) for host {}: {} {}", t.taskId(), t.taskType(), t.hostId(), o.error(),
                o.errorMessage()));
        return r;
    }
}
