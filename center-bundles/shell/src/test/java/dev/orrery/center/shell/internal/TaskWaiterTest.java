package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.api.TaskState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskWaiterTest {
    /** A clock that only the fake sleeper moves. */
    static final class StepClock extends Clock {
        long millis;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final StepClock clock = new StepClock();
    private final FakeTaskService tasks = new FakeTaskService();
    private final List<Long> sleeps = new ArrayList<>();

    private TaskWaiter waiter(Runnable onSleep) {
        return new TaskWaiter(tasks, clock, ms -> {
            sleeps.add(ms);
            clock.millis += ms;
            onSleep.run();
        }, 500);
    }

    @Test
    void pollsUntilEveryHostFinished() throws Exception {
        tasks.addTask("t1", TaskState.RUNNING, ProgressTest.counts(HostTaskState.RUNNING, 2));
        List<String> lines = new ArrayList<>();
        Progress last = waiter(() -> {
            if (sleeps.size() == 2) {
                tasks.counts.put("t1", ProgressTest.counts(HostTaskState.SUCCEEDED, 1, HostTaskState.RUNNING, 1));
            }
            if (sleeps.size() == 3) {
                tasks.counts.put("t1", ProgressTest.counts(HostTaskState.SUCCEEDED, 2));
            }
        }).await("t1", 60_000, p -> lines.add(p.line()));
        assertTrue(last.finished());
        assertEquals(List.of(500L, 500L, 500L), sleeps);
        assertEquals("  2/2 done, 0 running", lines.get(lines.size() - 1));
        assertEquals(4, lines.size());
    }

    @Test
    void stopsAtTheDeadline() throws Exception {
        tasks.addTask("t1", TaskState.RUNNING, ProgressTest.counts(HostTaskState.PENDING, 1));
        Progress last = waiter(() -> { }).await("t1", 1_200, p -> { });
        assertFalse(last.finished());
        assertEquals(List.of(500L, 500L, 200L), sleeps);
    }

    @Test
    void aDoneTaskOrAnUnknownOneEndsTheWait() throws Exception {
        tasks.addTask("t1", TaskState.DONE, ProgressTest.counts());
        waiter(() -> { }).await("t1", 60_000, p -> { });
        waiter(() -> { }).await("nope", 60_000, p -> { });
        assertTrue(sleeps.isEmpty());
    }
}
