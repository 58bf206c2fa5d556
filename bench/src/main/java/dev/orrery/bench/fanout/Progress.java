package dev.orrery.bench.fanout;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints one progress line every few seconds: the current phase, its elapsed time and its figures. */
public final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-progress");
        t.setDaemon(true);
        return t;
    });
    private volatile String phase = "starting";
    private volatile Supplier<String> status = () -> "";
    private volatile long phaseStart = System.nanoTime();

    public Progress(PrintStream out, int everySeconds) {
        this.out = out;
        timer.scheduleAtFixedRate(this::print, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    /** Starts a new phase: announced now, then reported with {@code status} until the next one. */
    public void phase(String name, Supplier<String> statusOfPhase) {
        phase = name;
        status = statusOfPhase;
        phaseStart = System.nanoTime();
        say(name);
    }

    /** Prints one line now. */
    public void say(String line) {
        synchronized (out) {
            out.println("[bench] " + line);
            out.flush();
        }
    }

    private void print() {
        String s;
        try {
            s = status.get();
        } catch (RuntimeException e) {
            s = "(" + e.getMessage() + ")";
        }
        say(String.format("  %s: %.0f s %s", phase, (System.nanoTime() - phaseStart) / 1e9, s));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
