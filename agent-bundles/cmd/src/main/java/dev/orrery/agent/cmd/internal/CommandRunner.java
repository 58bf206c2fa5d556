package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.DataChannel;
import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRefused;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command detached from the agent's JVM, its output spooled to files (see
 * {@link Launcher#build} and {@link Spool}), and waits for its end, its absolute deadline or a
 * cancel; on timeout or cancel the whole process tree is killed. {@link #resume} re-attaches to a
 * command started by an earlier agent JVM. A spool that exists is never started again, so a
 * command runs at most once even if asked twice. Thread-safe; blocks the calling thread.
 */
final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    /** How long a resume waits for a wrapper that had just been started to record its pid. */
    private static final long PID_WAIT_MILLIS = 2_000;

    private final CmdSettings settings;
    private final Launcher launcher;
    private final Supplier<DataChannel> data;
    private final SpoolPruner.Throttle pruning = new SpoolPruner.Throttle();

    /**
     * @param settings validated settings
     * @param launcher builds the processes
     * @param data the data channel for tasks naming a {@value DataChannel#TOPIC_PARAM}; supplies
     *     {@code null} while there is none
     */
    CommandRunner(CmdSettings settings, Launcher launcher, Supplier<DataChannel> data) {
        this.settings = settings;
        this.launcher = launcher;
        this.data = data;
    }

    /** @return the validated settings */
    CmdSettings settings() {
        return settings;
    }

    /**
     * @param req a {@code cmd} task
     * @param ctx its cancellation
     * @return the outcome; never throws for a failure of the command or of its environment
     */
    TaskOutcome run(TaskRequest req, TaskContext ctx) {
        try {
            return run(CommandSpec.parse(req), req, ctx);
        } catch (TaskRefused r) {
            return r.outcome();
        }
    }

    /**
     * @param spec what to run
     * @param req the task
     * @param ctx its cancellation
     * @return the outcome; never throws for a failure of the command or of its environment
     */
    TaskOutcome run(CommandSpec spec, TaskRequest req, TaskContext ctx) {
        Spool spool = Spool.of(settings.spoolDir(), req.taskId());
        if (spool.started()) {
            LOG.info("Task {} has a spool already: re-attaching instead of starting it again", req.taskId());
            return reattach(req, ctx);
        }
        TaskOutcome badTopic = DataTail.check(req, data);
        if (badTopic != null) {
            return badTopic;
        }
        pruning.pruneNowAndThen(settings);
        ProcessBuilder pb;
        try {
            pb = launcher.build(spec, req, spool.dir());
        } catch (TaskRefused r) {
            return r.outcome();
        }
        if (ctx.isCancelled()) {
            return end(HostTaskState.CANCELLED, -1, spool, ErrorCode.CANCELLED, "cancelled before it started");
        }
        int timeout = req.timeoutSeconds() > 0 ? req.timeoutSeconds() : settings.defaultTimeoutSeconds();
        long deadline = System.currentTimeMillis() + timeout * 1000L;
        Process p;
        try {
            spool.create(deadline);
        } catch (IOException | RuntimeException e) {
            return TaskOutcome.failed(ErrorCode.SPAWN_FAILED, "cannot write the spool " + spool.dir() + ": " + e.getMessage());
        }
        try {
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            spool.delete(); // nothing ran
            return TaskOutcome.failed(ErrorCode.SPAWN_FAILED, "cannot start " + settings.shell() + ": " + e.getMessage());
        }
        TaskOutcome o = attach(req, spool, Optional.of(p.toHandle()), deadline, ctx);
        if (o.error() == ErrorCode.INTERRUPTED && spool.pid().isEmpty()) {
            return TaskOutcome.failed(ErrorCode.SPAWN_FAILED, "the command wrapper could not record its pid in " + spool.dir());
        }
        return o;
    }

    /**
     * Re-attaches to a command started before the agent restarted.
     *
     * @param req the task as first received
     * @param ctx its cancellation
     * @return its real outcome; a command that provably never started (no deadline recorded: it is
     *     written durably before the process starts) is started now; {@code INTERRUPTED} where it
     *     vanished
     */
    TaskOutcome resume(TaskRequest req, TaskContext ctx) {
        if (!started(req.taskId())) {
            LOG.info("Task {}: the agent stopped before the command started; starting it now", req.taskId());
            return run(req, ctx);
        }
        return reattach(req, ctx);
    }

    /** @param taskId a task @return whether a command may have been started for it (its spool records a deadline) */
    boolean started(String taskId) {
        return Spool.of(settings.spoolDir(), taskId).started();
    }

    /**
     * Re-attaches to a command that was started (see {@link #started}).
     *
     * @param req the task as first received
     * @param ctx its cancellation
     * @return its real outcome, {@code INTERRUPTED} where it vanished or never started
     */
    TaskOutcome reattach(TaskRequest req, TaskContext ctx) {
        Spool spool = Spool.of(settings.spoolDir(), req.taskId());
        if (!spool.started()) {
            return TaskOutcome.failed(ErrorCode.INTERRUPTED, "the agent stopped before the process started; it did not run");
        }
        OptionalLong deadline = spool.deadline();
        if (deadline.isEmpty()) {
            return TaskOutcome.failed(ErrorCode.INTERRUPTED, "the command's deadline record is unreadable; it is not run again");
        }
        if (!Watch.awaitPid(spool, PID_WAIT_MILLIS)) {
            return TaskOutcome.failed(ErrorCode.INTERRUPTED, "the agent stopped while the command was being started; "
                    + "it did not run");
        }
        LOG.info("Task {}: re-attached to the command in {}", req.taskId(), spool.dir());
        return attach(req, spool, Watch.wrapperOf(spool), deadline.getAsLong(), ctx);
    }

    private TaskOutcome attach(TaskRequest req, Spool spool, Optional<ProcessHandle> leader, long deadline, TaskContext ctx) {
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        ctx.onCancel(() -> cancelled.complete(null));
        String topic = req.params().get(DataChannel.TOPIC_PARAM);
        DataTail tail = DataChannel.validTopic(topic) ? new DataTail(spool, topic, data) : null;
        Watch.Ending ending = tail == null ? Watch.await(spool, leader, deadline, cancelled)
                : Watch.await(spool, leader, deadline, cancelled, tail::poll);
        if (ending == Watch.Ending.TIMED_OUT || ending == Watch.Ending.CANCELLED) {
            LOG.info("Task {}: {}, killing the process tree of pid {}", req.taskId(), ending,
                    leader.map(ProcessHandle::pid).orElse(-1L));
            leader.ifPresent(l -> ProcessTree.kill(l, launcher.ownSession(), settings.killGraceMillis()));
        }
        if (tail != null) {
            tail.finish(ending != Watch.Ending.DETACHED);
        }
        int exit = spool.status().orElse(-1);
        return switch (ending) {
            case TIMED_OUT -> end(HostTaskState.TIMED_OUT, exit, spool, ErrorCode.TIMED_OUT,
                    "command passed its deadline (timeout " + timeoutOf(req) + " s); its process tree was killed");
            case CANCELLED -> end(HostTaskState.CANCELLED, exit, spool, ErrorCode.CANCELLED,
                    "command cancelled; its process tree was killed");
            case DETACHED -> end(HostTaskState.FAILED, -1, spool, ErrorCode.INTERRUPTED,
                    "the agent stopped while the command ran; the command goes on and is re-attached after the restart");
            case VANISHED -> end(HostTaskState.FAILED, -1, spool, ErrorCode.INTERRUPTED,
                    "the command's process ended without recording an exit status (killed from outside, or the host restarted)");
            case EXITED -> exit == 0
                    ? end(HostTaskState.SUCCEEDED, 0, spool, null, null)
                    : end(HostTaskState.FAILED, exit, spool, ErrorCode.NONZERO_EXIT, "command exited with code " + exit);
        };
    }

    private int timeoutOf(TaskRequest req) {
        return req.timeoutSeconds() > 0 ? req.timeoutSeconds() : settings.defaultTimeoutSeconds();
    }

    private TaskOutcome end(HostTaskState state, int exit, Spool spool, ErrorCode code, String message) {
        Spool.Output out = spool.read("out", settings.maxOutputBytes());
        Spool.Output err = spool.read("err", settings.maxOutputBytes());
        return new TaskOutcome(state, exit, out.bytes(), err.bytes(), out.truncated() || err.truncated(), code, message);
    }
}
