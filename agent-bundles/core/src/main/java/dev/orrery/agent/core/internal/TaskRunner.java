package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.CancellableContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Task;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks that arrive, at most once each and only if {@link TaskTrust} accepts them: records
 * each durably in the {@link TaskJournal} (delivery thread), then acknowledges receipt, runs its
 * handler on the worker pool once the {@link Watchdog} lets it, and hands the result to
 * {@link Delivery}. {@link Duplicates} answers copies of known tasks. After a restart,
 * {@link Recovery} resumes what was in flight. Thread-safe.
 */
final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final HandlerRegistry handlers;
    private final Uplink uplink;
    private final TaskJournal journal;
    private final Delivery delivery;
    private final TaskLedger ledger = new TaskLedger();
    private final ExecutorService workers;
    private final TaskTrust trust;
    private final Duplicates duplicates;
    private final Watchdog watchdog;

    /**
     * @param handlers the whiteboard
     * @param uplink where acks go
     * @param workerCount size of the worker pool
     * @param journal the persisted ledger
     * @param delivery where results go
     * @param trust decides whether a new task may run (signature, host, expiry)
     * @param watchdog delays or refuses a new task while the agent is over its caps
     */
    TaskRunner(HandlerRegistry handlers, Uplink uplink, int workerCount, TaskJournal journal, Delivery delivery,
            TaskTrust trust, Watchdog watchdog) {
        this.trust = trust;
        this.watchdog = watchdog;
        this.duplicates = new Duplicates(uplink, journal, delivery, ledger);
        this.handlers = handlers;
        this.uplink = uplink;
        this.journal = journal;
        this.delivery = delivery;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "orrery-agent-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the in-memory view, for {@link Recovery} */
    TaskLedger ledger() {
        return ledger;
    }

    /** @param t a task, as it arrived (called on an I/O thread: never blocks) */
    void onTask(Task t) {
        String key = TaskLedger.key(t.taskId(), t.hostId());
        CancellableContext ctx = Execution.of(t.taskId() + "@" + t.hostId());
        switch (ledger.admit(key, ctx)) {
            case RUNNING -> duplicates.running(t);
            case DONE -> delivery.post(() -> duplicates.answer(t, key));
            case CANCELLED_EARLY -> delivery.post(() -> {
                if (record(t, key, 0, false)) {
                    finish(t, key, new TaskOutcome(HostTaskState.CANCELLED, -1, null, null, false, ErrorCode.CANCELLED,
                            "cancelled before it reached the agent"), 0);
                }
            });
            // Receipt is acknowledged only once the task is in the journal: the center stops resending
            // it then, so it must survive a crash of this agent from that moment on (or refused: see record).
            case NEW -> delivery.post(() -> {
                long received = System.currentTimeMillis();
                if (record(t, key, received, true)) {
                    submit(t, key, () -> run(t, key, ctx, received));
                }
            });
        }
    }

    /**
     * @param work what to run on a worker; when the pool refuses (the agent is stopping), the task
     *     stays in the journal without a result and is resumed after the restart
     */
    void submit(Task t, String key, Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.info("The agent is stopping: task {} is kept in the ledger and resumed after the restart", t.taskId());
        }
    }

    private void run(Task t, String key, CancellableContext ctx, long started) {
        Optional<TaskOutcome> shed;
        try {
            ctx.onCancel(watchdog::wake);
            shed = watchdog.admit(ctx::isCancelled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: kept in the journal, resumed after the restart
            return;
        }
        if (shed.isPresent() || ctx.isCancelled()) { // a cancel may arrive while the watchdog holds the task
            finish(t, key, ctx.isCancelled() ? new TaskOutcome(HostTaskState.CANCELLED, -1, null, null, false,
                    ErrorCode.CANCELLED, "cancelled before it started") : shed.get(), 0);
            return;
        }
        Optional<TaskHandler> handler = handlers.find(t.taskType());
        if (handler.isEmpty()) {
            finish(t, key, TaskOutcome.failed(ErrorCode.HANDLER_MISSING,
                    "no handler for task type '" + t.taskType() + "' is installed on this agent"), 0);
            return;
        }
        uplink.send(new Ack(t.taskId(), t.hostId(), AckKind.RUNNING));
        finish(t, key, call(t, ctx, false, handler.get()), started);
    }

    /**
     * Records the task durably before anything runs. A task already in the journal (seen before the
     * in-memory ledger forgot it) is not run again. A task {@link TaskTrust} refuses never runs: its
     * refusal is its result (kept in the outbox until stored; the task is not journaled).
     *
     * @param verify whether to check the task's signature, host and expiry first
     * @return whether the caller may go on
     */
    private boolean record(Task t, String key, long started, boolean verify) {
        try {
            if (journal.exists(t.taskId(), t.hostId())) {
                ledger.remember(key);
                duplicates.answer(t, key);
                return false;
            }
            Optional<TaskOutcome> refusal = verify ? trust.check(t, System.currentTimeMillis()) : Optional.empty();
            if (refusal.isPresent()) {
                finish(t, key, refusal.get(), 0);
                return false;
            }
            journal.record(t, started);
            uplink.send(new Ack(t.taskId(), t.hostId(), AckKind.RECEIVED));
            return true;
        } catch (IOException e) {
            LOG.error("Cannot record task {} in the ledger; not running it: {}", t.taskId(), e.toString());
            finish(t, key, TaskOutcome.failed(ErrorCode.SPAWN_FAILED,
                    "the agent cannot record the task in its ledger, so it did not run it: " + e.getMessage()), 0);
            return false;
        }
    }

    /** @return the handler's outcome, never {@code null}: see {@link HandlerCalls#call} */
    TaskOutcome call(Task t, CancellableContext ctx, boolean resume, TaskHandler handler) {
        return HandlerCalls.call(t, ctx, resume, handler);
    }

    /** Persists, remembers and sends the result. Blocks for the durable write. */
    void finish(Task t, String key, TaskOutcome o, long started) {
        Result r = new Result(t.taskId(), t.hostId(), o.state(), o.exitCode(), o.stdout(), o.stderr(), o.truncated(),
                o.error() == null ? null : o.error().name(), o.errorMessage(), started, System.currentTimeMillis());
        delivery.deliver(r);
        ledger.finish(key, r);
        LOG.debug("Task {} on {} ended {}", t.taskId(), t.hostId(), o.state());
    }

    /** @param c a cancel (called on an I/O thread: the cancel actions run elsewhere) */
    void onCancel(Cancel c) {
        ledger.cancel(TaskLedger.key(c.taskId(), c.hostId())).ifPresent(TaskRunner::cancelAsync);
    }

    /** Cancel actions may block (killing processes): never on the caller's thread. Cancels are rare. */
    private static void cancelAsync(CancellableContext ctx) {
        Thread t = new Thread(ctx::cancel, "orrery-agent-cancel");
        t.setDaemon(true);
        t.start();
    }

    /** Stops the workers without cancelling anything: see {@link Tasks#close()}. */
    void abandon() {
        workers.shutdownNow();
    }
}
