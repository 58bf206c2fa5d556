package dev.orrery.center.shell.internal;

import dev.orrery.center.store.DataStore;
import java.io.PrintStream;
import java.time.Instant;

/**
 * Follows a data channel topic: prints the newest records (or every one from the start), then
 * polls the store for new ones, a page at a time without pause while pages come full, every
 * {@code pollMillis} otherwise, until interrupted (Ctrl-C) or {@code polls} runs out.
 */
final class DataTail {
    /** Records read per poll. */
    static final int PAGE = 1000;

    private final DataStore data;
    private final TaskWaiter.Sleeper sleeper;
    private final long pollMillis;

    DataTail(DataStore data, TaskWaiter.Sleeper sleeper, long pollMillis) {
        this.data = data;
        this.sleeper = sleeper;
        this.pollMillis = pollMillis;
    }

    /**
     * @param topic the topic
     * @param last how many of the newest records to print first (ignored from the start)
     * @param fromStart print every stored record first
     * @param out where records go, one line each
     * @param polls most polls (the shell passes {@link Long#MAX_VALUE}, or what {@code --for} allows)
     * @return how many records were printed
     * @throws InterruptedException when the user pressed Ctrl-C
     */
    long follow(String topic, int last, boolean fromStart, PrintStream out, long polls) throws InterruptedException {
        long printed = 0;
        long cursor = 0;
        if (!fromStart) {
            DataStore.Page newest = data.last(topic, last, null);
            newest.records().forEach(e -> out.println(line(e)));
            printed += newest.records().size();
            cursor = newest.next();
        }
        for (long i = 0; i < polls; i++) {
            DataStore.Page page = data.read(topic, cursor, PAGE, null);
            page.records().forEach(e -> out.println(line(e)));
            out.flush();
            printed += page.records().size();
            cursor = page.next();
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (page.records().size() < PAGE && i + 1 < polls) {
                sleeper.sleep(pollMillis);
            }
        }
        return printed;
    }

    /** @return {@code hostId seq time data}, the time in ISO-8601 UTC */
    static String line(DataStore.Entry e) {
        return e.hostId() + " " + e.seq() + " " + Instant.ofEpochMilli(e.at()) + " " + e.data();
    }
}
