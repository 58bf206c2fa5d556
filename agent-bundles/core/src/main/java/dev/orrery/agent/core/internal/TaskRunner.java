package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Task;
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
 * Runs the tasks that arrive: acknowledges receipt at once, finds the handler by type, runs it on
 * the worker pool (never on the I/O thread), and sends the result. A duplicate of a task that
 * runs or ended is not run again. Thread-safe.
 */
final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final HandlerRegistry handlers;
    private final Uplink uplink;
    private final TaskLedger ledger = new TaskLedger();
    private final ExecutorService workers;

    /**
     * @param handlers the whiteboard
     * @param uplink where acks and results go
     * @param workerCount size of the worker pool
     */
    TaskRunner(HandlerRegistry handlers, Uplink uplink, int workerCount) {
        this.handlers = handlers;
        this.uplink = uplink;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "orrery-agent-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @param t a task, as it arrived (called on an I/O thread: never blocks) */
    void onTask(Task t) {
        uplink.send(new Ack(t.taskId(), t.hostId(), AckKind.RECEIVED));
        String key = TaskLedger.key(t.taskId(), t.hostId());
        Execution ctx = new Execution(t.taskId() + "@" + t.hostId());
        switch (ledger.admit(key, ctx)) {
            case RUNNING -> {
                LOG.debug("Task {} is already running; duplicate ignored", t.taskId());
                uplink.send(new Ack(t.taskId(), t.hostId(), AckKind.RUNNING));
            }
            case DONE -> {
                LOG.info("Task {} already ran; not running it again", t.taskId());
                ledger.result(key).ifPresent(uplink::send);
            }
            case CANCELLED_EARLY -> finish(t, key, new TaskOutcome(HostTaskState.CANCELLED, -1, null, null, false,
                    ErrorCode.CANCELLED, "cancelled before it reached the agent"), 0);
            case NEW -> start(t, key, ctx);
        }
    }

    private void start(Task t, String key, Execution ctx) {
        Optional<TaskHandler> handler = handlers.find(t.taskType());
        if (handler.isEmpty()) {
            finish(t, key, TaskOutcome.failed(ErrorCode.HANDLER_MISSING,
                    "no handler for task type '" + t.taskType() + "' is installed on this agent"), 0);
            return;
        }
        try {
            workers.execute(() -> run(t, key, handler.get(), ctx));
        } catch (RejectedExecutionException e) {
            finish(t, key, TaskOutcome.failed(ErrorCode.AGENT_STOPPING, "the agent is stopping"), 0);
        }
    }

    private void run(Task t, String key, TaskHandler handler, Execution ctx) {
        long started = System.currentTimeMillis();
        uplink.send(new Ack(t.taskId(), t.hostId(), AckKind.RUNNING));
        TaskOutcome outcome;
        try {
            TaskRequest req = new TaskRequest(t.taskId(), t.hostId(), t.taskType(), t.params(), t.body(), t.timeoutSeconds());
            outcome = handler.execute(req, ctx);
            if (outcome == null) {
                outcome = TaskOutcome.failed(ErrorCode.HANDLER_FAILED, "the '" + t.taskType() + "' handler returned no outcome");
            }
        } catch (Exception | LinkageError e) {
            LOG.warn("The '{}' handler failed on task {}", t.taskType(), t.taskId(), e);
            outcome = TaskOutcome.failed(ErrorCode.HANDLER_FAILED, "the '" + t.taskType() + "' handler failed: " + e);
        }
        finish(t, key, outcome, started);
    }

    private void finish(Task t, String key, TaskOutcome o, long started) {
        Result r = new Result(t.taskId(), t.hostId(), o.state(), o.exitCode(), o.stdout(), o.stderr(), o.truncated(),
                o.error() == null ? null : o.error().name(), o.errorMessage(), started, System.currentTimeMillis());
        ledger.finish(key, r);
        LOG.debug("Task {} on {} ended {}", t.taskId(), t.hostId(), o.state());
        uplink.send(r);
    }

    /** @param c a cancel (called on an I/O thread: the cancel actions run elsewhere) */
    void onCancel(Cancel c) {
        ledger.cancel(TaskLedger.key(c.taskId(), c.hostId())).ifPresent(TaskRunner::cancelAsync);
    }

    /** Cancel actions may block (killing processes): never on the caller's thread. Cancels are rare. */
    private static void cancelAsync(Execution ctx) {
        Thread t = new Thread(ctx::cancel, "orrery-agent-cancel");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Cancels every running task and waits for the workers to end.
     *
     * @param waitMillis how long to wait for running handlers to return
     */
    void stop(long waitMillis) {
        workers.shutdown();
        ledger.running().forEach(TaskRunner::cancelAsync);
        try {
            if (!workers.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("Some tasks did not end within {} ms of the agent stopping", waitMillis);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
