package dev.orrery.center.shell.internal;

import dev.orrery.api.TaskState;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.store.TaskRecord;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/** Polls a task until every host finished or a deadline passes, reporting progress on each poll. */
final class TaskWaiter {
    /** Pause between polls. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final TaskService tasks;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long pollMillis;

    TaskWaiter(TaskService tasks, Clock clock, Sleeper sleeper, long pollMillis) {
        this.tasks = tasks;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollMillis = pollMillis;
    }

    /**
     * @param taskId the task
     * @param deadline epoch ms after which waiting stops
     * @param progress called with the counts after every poll
     * @return the last progress; {@link Progress#finished()} tells whether it completed in time
     * @throws InterruptedException when the shell user pressed Ctrl-C
     */
    Progress await(String taskId, long deadline, Consumer<Progress> progress) throws InterruptedException {
        while (true) {
            Optional<TaskRecord> task = tasks.task(taskId);
            Progress now = Progress.of(tasks.counts(taskId));
            progress.accept(now);
            if (now.finished() || task.map(t -> t.state() == TaskState.DONE).orElse(true)) {
                return now;
            }
            long left = deadline - clock.millis();
            if (left <= 0) {
                return now;
            }
            sleeper.sleep(Math.min(pollMillis, left));
        }
    }
}
