package dev.orrery.agent.core.internal;

import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.api.ErrorCode;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the agent from hurting its host: samples the process's CPU and heap every interval (through
 * an injectable {@link Usage.Probe}) against two caps. Over the heap cap, every new task is refused
 * with {@code AGENT_OVERLOADED}; over the CPU cap, a new task waits (bounded) for the CPU to drop,
 * else it is refused, and the data upload slows. Transitions are logged; the state travels in the
 * {@code agent} status section. Tasks resumed after a restart are not gated. Thread-safe.
 */
final class Watchdog {
    /** What the status reports. @param usage the latest sample @param shed tasks refused so far */
    record State(int cpuCap, int heapCap, boolean cpuOver, boolean memoryOver, long shed, Usage usage) {
        boolean shedding() {
            return cpuOver || memoryOver;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final int cpuCap;
    private final int heapCap;
    private final long maxDelayMillis;
    private final Usage.Probe probe;
    private Usage last = Usage.NONE;
    private boolean cpuOver;
    private boolean memoryOver;
    private long shed;

    /**
     * @param limits the caps, the sampling interval and the longest wait of a task
     * @param probe how usage is measured
     */
    Watchdog(AgentLimits limits, Usage.Probe probe) {
        this.cpuCap = limits.watchdogCpuPercent();
        this.heapCap = limits.watchdogHeapPercent();
        this.maxDelayMillis = limits.watchdogMaxDelaySeconds() * 1000L;
        this.probe = probe;
    }

    /** Takes one sample (the agent's monitor thread, every interval; tests call it directly). */
    void sample() {
        Usage u;
        try {
            u = probe.read();
        } catch (RuntimeException e) {
            LOG.debug("Cannot measure the agent's usage: {}", e.toString());
            return;
        }
        synchronized (this) {
            last = u;
            boolean cpu = cpuCap > 0 && u.cpuPercent() > cpuCap;
            boolean memory = heapCap > 0 && u.heapPercent() > heapCap;
            if (cpu != cpuOver) {
                LOG.warn(cpu ? "Agent over its CPU cap: {} % of a core > {} % (watchdogCpuPercent); delaying new tasks and"
                        + " slowing the data upload" : "Agent back under its CPU cap: {} % of a core <= {} %",
                        u.cpuPercent(), cpuCap);
            }
            if (memory != memoryOver) {
                LOG.warn(memory ? "Agent over its memory cap: {}; refusing new tasks" : "Agent back under its memory cap: {}",
                        heapText(u));
            }
            cpuOver = cpu;
            memoryOver = memory;
            notifyAll();
        }
    }

    /**
     * Lets a new task start, after waiting while the CPU is over its cap (on a worker thread).
     *
     * @param cancelled whether the task was cancelled meanwhile (then {@link #wake()}): it stops waiting
     * @return empty to go on, or its {@code AGENT_OVERLOADED} refusal
     * @throws InterruptedException if the agent stops meanwhile
     */
    synchronized Optional<TaskOutcome> admit(BooleanSupplier cancelled) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
        while (!cancelled.getAsBoolean()) {
            if (memoryOver) {
                return refuse("the agent is over its memory cap: " + heapText(last) + "; retry later");
            }
            if (!cpuOver) {
                return Optional.empty();
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return refuse("the agent stayed over its CPU cap for " + maxDelayMillis / 1000 + " s: " + last.cpuPercent()
                        + " % of a core measured, cap " + cpuCap + " % (watchdogCpuPercent); retry later");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return Optional.empty();
    }

    /** Wakes the tasks waiting in {@link #admit} to look again (a cancel). */
    synchronized void wake() {
        notifyAll();
    }

    /** @return whether the CPU is over its cap (the data upload slows down) */
    synchronized boolean cpuOver() {
        return cpuOver;
    }

    /** @return the state now */
    synchronized State state() {
        return new State(cpuCap, heapCap, cpuOver, memoryOver, shed, last);
    }

    private Optional<TaskOutcome> refuse(String message) {
        shed++;
        return Optional.of(TaskOutcome.failed(ErrorCode.AGENT_OVERLOADED, message));
    }

    private String heapText(Usage u) {
        return "heap in use after the latest collection " + Usage.mib(u.heapLive()) + " MiB is " + u.heapPercent()
                + " % of the " + Usage.mib(u.heapMax()) + " MiB maximum, cap " + heapCap + " % (watchdogHeapPercent)";
    }
}
