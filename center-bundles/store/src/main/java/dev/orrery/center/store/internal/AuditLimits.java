package dev.orrery.center.store.internal;

import dev.orrery.center.store.AuditEntry;

/** The size of each audit field, in characters; longer values are cut and marked. */
final class AuditLimits {
    static final String MARK = "...[truncated]";
    static final int KIND = 16;
    static final int ACCOUNT = 255;
    static final int SOURCE = 255;
    static final int ACTION = 2048;
    static final int TARGETS = 4000;
    static final int DETAIL = 8192;
    static final int DIGEST = 64;
    static final int OUTCOME = 512;

    private AuditLimits() {
    }

    /** @return the entry with every field within its limit */
    static AuditEntry bound(AuditEntry e) {
        return new AuditEntry(e.at(), cut(e.kind(), KIND), cut(e.account(), ACCOUNT), cut(e.source(), SOURCE),
                cut(e.action(), ACTION), cut(e.targets(), TARGETS), cut(e.detail(), DETAIL), cut(e.bodyDigest(), DIGEST),
                cut(e.outcome(), OUTCOME));
    }

    /**
     * @param s a value
     * @param max most characters
     * @return {@code s}, or its start followed by {@link #MARK}, {@code max} characters in all
     */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        if (max <= MARK.length()) {
            return s.substring(0, max);
        }
        int end = max - MARK.length();
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return s.substring(0, end) + MARK;
    }
}
