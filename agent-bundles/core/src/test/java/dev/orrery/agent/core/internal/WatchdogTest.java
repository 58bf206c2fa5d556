package dev.orrery.agent.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The watchdog driven by an injected probe: no CPU is burnt. */
class WatchdogTest {
    static final long GIB = 1L << 30;
    static final Usage CALM = new Usage(5, GIB / 4, GIB / 5, GIB, 200L << 20, 40);
    static final Usage HEAP_FULL = new Usage(5, GIB, GIB * 9 / 10, GIB, 1200L << 20, 40);
    static final Usage BUSY = new Usage(180, GIB / 4, GIB / 5, GIB, 200L << 20, 40);

    private final AtomicReference<Usage> usage = new AtomicReference<>(CALM);

    private Watchdog watchdog(int cpu, int heap, int delaySeconds) {
        return new Watchdog(new AgentLimits(30, 300, 64L << 20, 1000, 500, 15, cpu, heap, 5, delaySeconds), usage::get);
    }

    @Test
    void refusesNewTasksOverTheMemoryCapAndRecovers() throws Exception {
        Watchdog w = watchdog(50, 85, 60);
        w.sample();
        assertEquals(Optional.empty(), w.admit(() -> false));
        usage.set(HEAP_FULL);
        w.sample();
        TaskOutcome refused = w.admit(() -> false).orElseThrow();
        assertEquals(ErrorCode.AGENT_OVERLOADED, refused.error());
        assertTrue(refused.errorMessage().contains("cap 85 % (watchdogHeapPercent)"),
                refused.errorMessage());
        assertTrue(w.state().memoryOver() && w.state().shedding());
        assertEquals(1, w.state().shed());
        usage.set(CALM);
        w.sample();
        assertEquals(Optional.empty(), w.admit(() -> false));
        assertFalse(w.state().shedding());
    }

    @Test
    void overTheCpuCapATaskWaitsForTheCpuToDrop() throws Exception {
        Watchdog w = watchdog(50, 85, 30);
        usage.set(BUSY);
        w.sample();
        assertTrue(w.cpuOver());
        CompletableFuture<Optional<TaskOutcome>> admitted = CompletableFuture.supplyAsync(() -> {
            try {
                return w.admit(() -> false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(admitted.isDone());
        usage.set(CALM);
        w.sample();
        assertEquals(Optional.empty(), admitted.get(5, TimeUnit.SECONDS));
        assertEquals(0, w.state().shed());
    }

    @Test
    void overTheCpuCapPastTheDelayATaskIsRefused() throws Exception {
        Watchdog w = watchdog(50, 85, 0);
        usage.set(BUSY);
        w.sample();
        TaskOutcome refused = w.admit(() -> false).orElseThrow();
        assertEquals(ErrorCode.AGENT_OVERLOADED, refused.error());
        assertTrue(refused.errorMessage().contains("180 %") && refused.errorMessage().contains("watchdogCpuPercent"),
                refused.errorMessage());
    }

    @Test
    void zeroCapsAreOff() throws Exception {
        Watchdog w = watchdog(0, 0, 0);
        usage.set(new Usage(900, GIB, GIB, GIB, -1, 1));
        w.sample();
        assertEquals(Optional.empty(), w.admit(() -> false));
        assertEquals(900, w.state().usage().cpuPercent());
    }

    @Test
    void theJvmProbeMeasuresThisProcess() {
        Usage u = new JvmUsage().read();
        assertTrue(u.heapMax() > 0 && u.heapUsed() > 0 && u.threads() > 0 && u.cpuPercent() >= 0, u.toString());
    }
}
