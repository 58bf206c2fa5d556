package dev.orrery.center.shell.internal;

import java.io.PrintStream;
import java.util.function.Consumer;

/** Rewrites one progress line in place ({@code \r}), printing only when it changed. */
final class ProgressPrinter implements Consumer<Progress> {
    private final PrintStream out;
    private String shown = "";

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(Progress progress) {
        String line = progress.line();
        if (line.equals(shown)) {
            return;
        }
        // Pad with spaces so a shorter line fully covers the previous one.
        out.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
        out.flush();
        shown = line;
    }

    /** Ends the progress line. */
    void end() {
        if (!shown.isEmpty()) {
            out.println();
            shown = "";
        }
    }
}
