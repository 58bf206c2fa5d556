package dev.orrery.center.proxy.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.NewTask;
import dev.orrery.center.store.TaskStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of submissions: the request threads queue their new tasks and wait; one thread
 * creates everything queued in one transaction ({@link TaskStore#createAll}) and releases each
 * caller once its task is durable. A batch the store refuses is created again one task at a
 * time, so one bad task fails only its own request. When more tasks wait than the limit allows,
 * a submission is refused at once ({@code OVERLOADED}) rather than queued for seconds.
 */
final class Creations {
    /** A batch takes no more tasks once their host tasks reach this many. */
    static final int MAX_BATCH_HOST_TASKS = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(Creations.class);
    private static final long WAIT_SECONDS = 60;

    private record Pending(NewTask task, CompletableFuture<Void> stored) {
    }

    private final TaskStore tasks;
    private final int queueLimit;
    private final GroupCommit<Pending> commit;

    /**
     * @param tasks the store
     * @param maxBatch most tasks per transaction
     * @param queueLimit most tasks waiting for their transaction
     */
    Creations(TaskStore tasks, int maxBatch, int queueLimit) {
        this.tasks = tasks;
        this.queueLimit = queueLimit;
        this.commit = new GroupCommit<>("creator", maxBatch, MAX_BATCH_HOST_TASKS, p -> p.task().hostIds().size(), this::write);
    }

    /**
     * Creates a task durably, together with the tasks other threads submit meanwhile.
     *
     * @param task the task
     * @throws OrreryException {@code OVERLOADED} if too many tasks wait already (nothing was
     *     created), {@code STORE_UNAVAILABLE} if the store failed or the proxy is stopping
     */
    void create(NewTask task) {
        if (commit.backlog() >= queueLimit) {
            throw new OrreryException(ErrorCode.OVERLOADED, commit.backlog() + " submissions are waiting for the store;"
                    + " nothing was created, try again shortly");
        }
        Pending p = new Pending(task, new CompletableFuture<>());
        if (!commit.add(p)) {
            throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the center is stopping; nothing was created");
        }
        try {
            p.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new OrreryException(ErrorCode.INTERNAL, "task not created");
        } catch (TimeoutException e) {
            throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the store did not confirm task " + task.task().taskId()
                    + " within " + WAIT_SECONDS + " s; GET /tasks/" + task.task().taskId() + " tells whether it was created");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "interrupted while task " + task.task().taskId()
                    + " was being created; GET /tasks/" + task.task().taskId() + " tells whether it was");
        }
    }

    /** @return tasks queued or being created */
    int backlog() {
        return commit.backlog();
    }

    /** Creates what is queued (for up to 5 s); callers still waiting then are told the center is stopping. */
    void close() {
        for (Pending p : commit.close()) {
            p.stored().completeExceptionally(new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the center is stopping;"
                    + " task " + p.task().task().taskId() + " was not created"));
        }
    }

    private void write(List<Pending> batch) {
        try {
            tasks.createAll(batch.stream().map(Pending::task).toList());
            batch.forEach(p -> p.stored().complete(null));
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(e);
                return;
            }
            LOG.warn("Creating {} tasks together failed ({}); creating them one by one", batch.size(), e.toString());
        }
        for (Pending p : batch) {
            try {
                tasks.createAll(List.of(p.task()));
                p.stored().complete(null);
            } catch (RuntimeException e) {
                p.stored().completeExceptionally(e);
            }
        }
    }
}
