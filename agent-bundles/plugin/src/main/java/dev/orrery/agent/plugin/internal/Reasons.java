package dev.orrery.agent.plugin.internal;

/** Failures as results show them. */
final class Reasons {
    private Reasons() {
    }

    /** @param t a failure @return its message for a result: one line, at most 500 characters, no stack trace */
    static String of(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root instanceof java.util.concurrent.ExecutionException)) {
            root = root.getCause();
        }
        String m = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName() : root.getMessage();
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }
}
