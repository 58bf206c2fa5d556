package dev.orrery.bench.sim;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Bounds the TLS handshakes one simulator process has in progress. Real agents each do their
 * handshakes on their own CPU; the simulated ones share one process and MINA's two shared
 * handshake threads, first come first served: ten thousand agents starting at once would each
 * wait behind all the others, time out and retry. A connection attempt waits here for a slot
 * (its timeout starts only when it got one) and gives the slot back once its handshake finished,
 * its session closed or its connect failed. Thread-safe.
 */
final class HandshakeSlots {
    private final int max;
    private final Consumer<Runnable> starter;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int busy;

    /**
     * @param max handshakes in progress at once
     * @param starter runs a waiting attempt once a slot is free (off the I/O thread that freed it)
     */
    HandshakeSlots(int max, Consumer<Runnable> starter) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, was " + max);
        }
        this.max = max;
        this.starter = starter;
    }

    /**
     * Runs {@code attempt} now if a slot is free, else once one is; the attempt must end with a
     * {@link Slot#release()}.
     *
     * @param attempt the connection attempt
     * @param first {@code true} to wait ahead of the others: an agent half way (registering,
     *        connecting to its channel) before one that has not enrolled yet, so that agents come
     *        online one after the other rather than all at the end
     */
    void acquire(Runnable attempt, boolean first) {
        synchronized (this) {
            if (busy >= max) {
                if (first) {
                    waiting.addFirst(attempt);
                } else {
                    waiting.addLast(attempt);
                }
                return;
            }
            busy++;
        }
        attempt.run();
    }

    private void free() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                busy--;
                return;
            }
        }
        starter.accept(next); // the slot passes to the next attempt
    }

    /** @return a handle that gives a slot back exactly once */
    Slot slot() {
        return new Slot();
    }

    /** @return attempts waiting for a slot */
    synchronized int waiting() {
        return waiting.size();
    }

    /** @return slots in use */
    synchronized int busy() {
        return busy;
    }

    /** One attempt's slot. */
    final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        /** Gives the slot back; later calls do nothing. */
        void release() {
            if (released.compareAndSet(false, true)) {
                free();
            }
        }
    }
}
