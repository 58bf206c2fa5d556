package dev.orrery.agent.cron.internal;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskHandler;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one fire of a job through the task handler of its kind (the {@code cmd}, {@code store} or
 * {@code plugin} capability), as a task with id {@code cron.<cronId>.<fireEpochSecond>}, and
 * turns its outcome into a {@link RunRecord}. A missing handler is a failed run
 * ({@code HANDLER_MISSING}); nothing it does escapes as an exception.
 */
final class RunExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

    private final Function<String, TaskHandler> handlers;
    private final int outputCap;
    private final Clock clock;

    /**
     * @param handlers task type to its handler now, or {@code null}
     * @param outputCap most output bytes kept per run
     * @param clock the clock
     */
    RunExecutor(Function<String, TaskHandler> handlers, int outputCap, Clock clock) {
        this.handlers = handlers;
        this.outputCap = outputCap;
        this.clock = clock;
    }

    /**
     * @param job the job
     * @param hostId this host
     * @param fire the fire this run belongs to
     * @param context cancellation of the run
     * @return what happened
     */
    RunRecord run(CronJob job, String hostId, Instant fire, TaskContext context) {
        long started = clock.millis();
        TaskHandler handler = handlers.apply(job.kind());
        if (handler == null) {
            return RunRecord.notRun(started, ErrorCode.HANDLER_MISSING + ": no '" + job.kind() + "' capability on this agent");
        }
        TaskRequest request = new TaskRequest("cron." + job.cronId() + "." + fire.getEpochSecond(), hostId, job.kind(), job.params(),
                job.body(), job.timeoutSeconds());
        try {
            TaskOutcome o = handler.execute(request, context);
            // a command that exited non-zero failed with its exit code and no error code: the exit code says it
            boolean plain = o.state() == HostTaskState.SUCCEEDED || (o.state() == HostTaskState.FAILED && o.error() == null);
            String error = plain ? null
                    : (o.error() == null ? o.state().name() : o.error().name()) + (o.errorMessage() == null ? "" : ": " + o.errorMessage());
            return new RunRecord(started, clock.millis(), o.exitCode(), RunRecord.output(o.stdout(), o.stderr(), outputCap), error);
        } catch (Exception | LinkageError e) {
            LOG.warn("Cron job {} run {} failed in its {} handler", job.cronId(), request.taskId(), job.kind(), e);
            return new RunRecord(started, clock.millis(), -1, "", ErrorCode.HANDLER_FAILED + ": the " + job.kind() + " handler failed");
        } finally {
            release(handler, request);
        }
    }

    private static void release(TaskHandler handler, TaskRequest request) {
        try {
            handler.release(request);
        } catch (RuntimeException e) {
            LOG.debug("release of {} failed", request.taskId(), e);
        }
    }
}
