package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command to its end: starts it, drains both streams, and waits for the process to
 * exit and its streams to close, for the task's timeout or for a cancel, whichever comes first.
 * On timeout or cancel the whole process tree is killed. Thread-safe; blocks the calling thread.
 */
final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    private enum Ending { EXITED, TIMED_OUT, CANCELLED }

    private final CmdSettings settings;
    private final Launcher launcher;

    /**
     * @param settings validated settings
     * @param launcher builds the processes
     */
    CommandRunner(CmdSettings settings, Launcher launcher) {
        this.settings = settings;
        this.launcher = launcher;
    }

    /**
     * @param req the task
     * @param ctx its cancellation
     * @return the outcome; never throws for a failure of the command or of its environment
     */
    TaskOutcome run(TaskRequest req, TaskContext ctx) {
        ProcessBuilder pb;
        try {
            pb = launcher.build(CommandSpec.parse(req), req);
        } catch (Refused r) {
            return r.outcome();
        }
        if (ctx.isCancelled()) {
            return end(HostTaskState.CANCELLED, -1, new byte[0], new byte[0], false, ErrorCode.CANCELLED,
                    "cancelled before it started");
        }
        int timeout = req.timeoutSeconds() > 0 ? req.timeoutSeconds() : settings.defaultTimeoutSeconds();
        Process p;
        try {
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            return TaskOutcome.failed(ErrorCode.SPAWN_FAILED, "cannot start " + settings.shell() + ": " + e.getMessage());
        }
        String name = "orrery-cmd-" + req.taskId() + "-" + p.pid();
        StreamCapture out = StreamCapture.start(p.getInputStream(), settings.maxOutputBytes(), name + "-out");
        StreamCapture err = StreamCapture.start(p.getErrorStream(), settings.maxOutputBytes(), name + "-err");
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        ctx.onCancel(() -> cancelled.complete(null));
        CompletableFuture<Void> finished = CompletableFuture.allOf(p.onExit(), out.done(), err.done());

        Ending ending = await(finished, cancelled, timeout);
        if (ending != Ending.EXITED) {
            LOG.info("Task {}: {}, killing process tree of pid {}", req.taskId(), ending, p.pid());
            ProcessTree.kill(p.toHandle(), launcher.ownSession(), settings.killGraceMillis());
            awaitQuietly(finished, Math.max(settings.killGraceMillis(), 500));
        }
        byte[] stdout = out.bytes();
        byte[] stderr = err.bytes();
        boolean truncated = out.truncated() || err.truncated();
        int exit = p.isAlive() ? -1 : p.exitValue();
        return switch (ending) {
            case TIMED_OUT -> end(HostTaskState.TIMED_OUT, exit, stdout, stderr, truncated, ErrorCode.TIMED_OUT,
                    "command timed out after " + timeout + " s; its process tree was killed");
            case CANCELLED -> end(HostTaskState.CANCELLED, exit, stdout, stderr, truncated, ErrorCode.CANCELLED,
                    "command cancelled; its process tree was killed");
            case EXITED -> exit == 0
                    ? end(HostTaskState.SUCCEEDED, 0, stdout, stderr, truncated, null, null)
                    : end(HostTaskState.FAILED, exit, stdout, stderr, truncated, ErrorCode.NONZERO_EXIT,
                            "command exited with code " + exit);
        };
    }

    private static Ending await(CompletableFuture<Void> finished, CompletableFuture<Void> cancelled, int timeoutSeconds) {
        try {
            CompletableFuture.anyOf(finished, cancelled).get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return Ending.TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ending.CANCELLED;
        } catch (ExecutionException e) {
            // cannot happen: neither future completes exceptionally
        }
        return finished.isDone() ? Ending.EXITED : Ending.CANCELLED;
    }

    private static void awaitQuietly(CompletableFuture<Void> f, long millis) {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a process outside the tree still holds a pipe: report what was read so far
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TaskOutcome end(HostTaskState state, int exit, byte[] out, byte[] err, boolean truncated,
            ErrorCode code, String message) {
        return new TaskOutcome(state, exit, out, err, truncated, code, message);
    }
}
