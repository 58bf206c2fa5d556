package dev.orrery.center.shell.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.center.store.HostTaskRecord;

/** The one-line output column of a per-host result. */
final class Outputs {
    /** Longest text shown in the output column. */
    static final int MAX_WIDTH = 100;

    private Outputs() {
    }

    /**
     * @param r a host result
     * @return the error code and message if it failed (with the first line of stderr for a
     *     non-zero exit), else the first line of stdout, noting how many lines were left out
     */
    static String summary(HostTaskRecord r) {
        String text;
        if (r.error() != null) {
            text = r.error().name() + (r.errorMessage() == null || r.errorMessage().isBlank() ? "" : ": " + oneLine(r.errorMessage()));
            String detail = r.error() == ErrorCode.NONZERO_EXIT ? firstLine(r.stderr()) : "";
            if (detail.isEmpty() && r.error() == ErrorCode.NONZERO_EXIT) {
                detail = firstLine(r.stdout());
            }
            if (!detail.isEmpty()) {
                text += " | " + detail;
            }
        } else {
            text = firstLine(r.stdout());
            int more = lineCount(r.stdout()) - 1;
            if (more > 0) {
                text += " (+" + more + (more == 1 ? " line)" : " lines)");
            }
        }
        if (r.truncated()) {
            text += " [truncated]";
        }
        return shorten(text);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        for (String line : s.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    static int lineCount(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        return (int) s.strip().lines().count();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String shorten(String s) {
        return s.length() <= MAX_WIDTH ? s : s.substring(0, MAX_WIDTH - 3) + "...";
    }
}
