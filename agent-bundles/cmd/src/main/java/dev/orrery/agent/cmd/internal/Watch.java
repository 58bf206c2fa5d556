package dev.orrery.agent.cmd.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a detached command through its spool: until its status file appears, its process
 * is gone, its absolute deadline passes, or it is cancelled. Polls every {@value #POLL_MILLIS} ms
 * and wakes at once on a cancel or on the exit of a watched process. Blocks the caller.
 */
final class Watch {
    /** How a wait ended. */
    enum Ending {
        /** The wrapper recorded the exit status. */
        EXITED,
        /** The process is gone without a status (killed from outside, or never recorded). */
        VANISHED,
        /** The deadline passed. */
        TIMED_OUT,
        /** Cancelled. */
        CANCELLED,
        /** The waiting thread was interrupted (the agent is stopping): the command goes on, untouched. */
        DETACHED
    }

    static final long POLL_MILLIS = 200;

    private Watch() {
    }

    /**
     * @param spool the command's spool
     * @param leader the wrapper process, empty if it is unknown or gone
     * @param deadlineMillis epoch ms when the command must end
     * @param cancelled completes on a cancel
     * @return why the wait ended
     */
    static Ending await(Spool spool, Optional<ProcessHandle> leader, long deadlineMillis, CompletableFuture<Void> cancelled) {
        return await(spool, leader, deadlineMillis, cancelled, () -> { });
    }

    /**
     * @param spool the command's spool
     * @param leader the wrapper process, empty if it is unknown or gone
     * @param deadlineMillis epoch ms when the command must end
     * @param cancelled completes on a cancel
     * @param tick run on the waiting thread at every poll (the data topic tail); must not throw
     * @return why the wait ended
     */
    static Ending await(Spool spool, Optional<ProcessHandle> leader, long deadlineMillis, CompletableFuture<Void> cancelled,
            Runnable tick) {
        CompletableFuture<?> exit = leader.<CompletableFuture<?>>map(ProcessHandle::onExit).orElse(new CompletableFuture<>());
        while (true) {
            tick.run();
            if (spool.status().isPresent()) {
                return Ending.EXITED;
            }
            if (leader.isEmpty() || !leader.get().isAlive()) {
                // the wrapper renames the status file before it exits: look once more
                return spool.status().isPresent() ? Ending.EXITED : Ending.VANISHED;
            }
            long left = deadlineMillis - System.currentTimeMillis();
            if (left <= 0) {
                return Ending.TIMED_OUT;
            }
            if (cancelled.isDone()) {
                return Ending.CANCELLED;
            }
            try {
                CompletableFuture.anyOf(exit, cancelled).get(Math.min(POLL_MILLIS, left), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Ending.DETACHED;
            }
        }
    }

    /**
     * Finds the wrapper a spool names, guarding against a reused pid: the live process must be the
     * wrapper of this spool (its command line names the spool folder).
     *
     * @param spool the spool
     * @return the live wrapper, if any
     */
    static Optional<ProcessHandle> wrapperOf(Spool spool) {
        if (spool.pid().isEmpty()) {
            return Optional.empty();
        }
        long pid = spool.pid().getAsLong();
        Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (h.isEmpty() || !Files.exists(cmdline)) {
            return h;
        }
        try {
            String args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
            return args.contains(spool.dir().toString()) ? h : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // exited between the checks
        }
    }

    /**
     * Waits up to {@code millis} for the wrapper to record its pid (a restart right after the start).
     *
     * @param spool the spool
     * @param millis the longest wait
     * @return whether a pid or a status is recorded
     */
    static boolean awaitPid(Spool spool, long millis) {
        long end = System.currentTimeMillis() + millis;
        CompletableFuture<Void> never = new CompletableFuture<>();
        while (spool.pid().isEmpty() && spool.status().isEmpty()) {
            if (System.currentTimeMillis() >= end) {
                return false;
            }
            try {
                never.get(Math.min(POLL_MILLIS, Math.max(1, end - System.currentTimeMillis())), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
