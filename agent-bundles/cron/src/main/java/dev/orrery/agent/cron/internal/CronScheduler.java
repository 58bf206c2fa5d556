package dev.orrery.agent.cron.internal;

import dev.orrery.agent.api.CancellableContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the jobs of the current {@link JobSet}: one timer per job on a single timer thread, each
 * run on a worker. A job never runs twice at once (a fire while it still runs is skipped and
 * recorded as such); at most {@code maxConcurrent} runs of all jobs run at once (a fire past that
 * is skipped as {@code AGENT_OVERLOADED}). Fires missed while the agent was down are not caught up.
 * Every run, skipped or not, is published as a {@link RunRecord} on the job's topic. Thread-safe.
 */
final class CronScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(CronScheduler.class);

    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final RunExecutor executor;
    private final BiConsumer<String, byte[]> publish;
    private final Map<String, Entry> entries = new HashMap<>();
    /** Jobs with a run in progress, by id: kept across a replace so a changed job does not overlap itself. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<CancellableContext> contexts = ConcurrentHashMap.newKeySet();
    private String hostId = "";
    private boolean closed;

    /** One scheduled job. */
    private static final class Entry {
        final CronJob job;
        final JsonNode raw;
        volatile ScheduledFuture<?> next;
        volatile boolean cancelled;

        Entry(CronJob job, JsonNode raw) {
            this.job = job;
            this.raw = raw;
        }
    }

    CronScheduler(Clock clock, ScheduledExecutorService timer, ExecutorService workers, int maxConcurrent, RunExecutor executor,
            BiConsumer<String, byte[]> publish) {
        this.clock = clock;
        this.timer = timer;
        this.workers = workers;
        this.slots = new Semaphore(maxConcurrent);
        this.executor = executor;
        this.publish = publish;
    }

    /**
     * Makes {@code set} the jobs that run: jobs gone or changed stop (a run in progress finishes),
     * new and changed ones are scheduled, unchanged ones keep their timers.
     *
     * @param set the jobs
     */
    synchronized void replace(JobSet set) {
        if (closed) {
            return;
        }
        boolean sameHost = set.hostId().equals(hostId);
        hostId = set.hostId();
        Map<String, Entry> kept = new HashMap<>();
        for (int i = 0; i < set.jobs().size(); i++) {
            CronJob job = set.jobs().get(i);
            JsonNode raw = set.raw().get(i);
            Entry old = entries.remove(job.cronId());
            if (old != null && sameHost && old.raw.equals(raw)) {
                kept.put(job.cronId(), old);
            } else {
                cancel(old);
                Entry e = new Entry(job, raw);
                kept.put(job.cronId(), e);
                scheduleAfter(e, Instant.ofEpochMilli(clock.millis()));
            }
        }
        entries.values().forEach(CronScheduler::cancel);
        entries.clear();
        entries.putAll(kept);
    }

    /** Stops every timer and cancels the runs in progress. */
    synchronized void close() {
        closed = true;
        entries.values().forEach(CronScheduler::cancel);
        entries.clear();
        contexts.forEach(CancellableContext::cancel);
    }

    /** @return how many jobs are scheduled */
    synchronized int size() {
        return entries.size();
    }

    private void scheduleAfter(Entry e, Instant after) {
        Spread.Run run = Spread.next(e.job.schedule(), e.job.spread(), hostId, e.job.cronId(), after);
        if (run == null) {
            LOG.info("Cron job {} ({}) fires no more", e.job.cronId(), e.job.schedule());
            return;
        }
        long delay = Math.max(0, run.at().toEpochMilli() - clock.millis());
        try {
            e.next = timer.schedule(() -> fire(e, run), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // closing
        }
    }

    private void fire(Entry e, Spread.Run run) {
        String host;
        synchronized (this) {
            if (e.cancelled || closed) {
                return;
            }
            host = hostId;
            scheduleAfter(e, run.at());
        }
        CronJob job = e.job;
        long now = clock.millis();
        if (!running.add(job.cronId())) {
            publish(job, RunRecord.notRun(now, "SKIPPED: the previous run of this job is still running"));
            return;
        }
        if (!slots.tryAcquire()) {
            running.remove(job.cronId());
            publish(job, RunRecord.notRun(now, "AGENT_OVERLOADED: too many cron runs at once on this agent"));
            return;
        }
        CancellableContext context = new CancellableContext();
        contexts.add(context);
        try {
            workers.execute(() -> {
                try {
                    publish(job, executor.run(job, host, run.fire(), context));
                } finally {
                    contexts.remove(context);
                    slots.release();
                    running.remove(job.cronId());
                }
            });
        } catch (RejectedExecutionException stopped) {
            contexts.remove(context);
            slots.release();
            running.remove(job.cronId());
        }
    }

    private void publish(CronJob job, RunRecord record) {
        try {
            publish.accept(job.topic(), record.toJson());
        } catch (RuntimeException ex) {
            LOG.warn("The run of cron job {} could not be published: {}", job.cronId(), ex.toString());
        }
    }

    private static void cancel(Entry e) {
        if (e != null) {
            e.cancelled = true;
            ScheduledFuture<?> f = e.next;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
