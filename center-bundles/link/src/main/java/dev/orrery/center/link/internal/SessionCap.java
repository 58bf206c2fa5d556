package dev.orrery.center.link.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a new connection at once, before any work, while the link already holds as many as
 * it may: by default half of the process's open-file limit. A fleet registering at once (tens of
 * thousands of agents after a datacenter restart) would otherwise take every file descriptor, and
 * the store, which needs files too, would fail. A refused agent retries after its backoff.
 */
final class SessionCap extends IoFilterAdapter {
    /** The open-file limit assumed where {@code /proc/self/limits} cannot be read. */
    static final long DEFAULT_OPEN_FILES = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(SessionCap.class);

    private final int max;
    private final AtomicLong refused = new AtomicLong();

    /** @param max most connections open at once */
    SessionCap(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, was " + max);
        }
        this.max = max;
    }

    /** @return a cap of half this process's open-file limit */
    static SessionCap ofOpenFileLimit() {
        return new SessionCap((int) Math.min(Integer.MAX_VALUE, Math.max(2, openFileLimit(readLimits()) / 2)));
    }

    /** @return the soft "Max open files" of a {@code /proc/<pid>/limits} text, or the default */
    static long openFileLimit(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                if (f.length > 0 && f[0].chars().allMatch(Character::isDigit) && !f[0].isEmpty()) {
                    return Long.parseLong(f[0]);
                }
            }
        }
        return DEFAULT_OPEN_FILES;
    }

    int max() {
        return max;
    }

    /** @return connections closed by the cap so far */
    long refused() {
        return refused.get();
    }

    @Override
    public void sessionCreated(NextFilter next, IoSession session) throws Exception {
        if (session.getService().getManagedSessionCount() > max) {
            if (refused.incrementAndGet() % 1000 == 1) {
                LOG.warn("Center link holds {} connections (cap {}); closing new ones until it holds fewer ({} so far)",
                        session.getService().getManagedSessionCount(), max, refused.get());
            }
            session.closeNow();
            return;
        }
        next.sessionCreated(session);
    }

    @Override
    public void sessionOpened(NextFilter next, IoSession session) throws Exception {
        if (!session.isClosing()) {
            next.sessionOpened(session);
        }
    }

    private static String readLimits() {
        try {
            return Files.readString(Path.of("/proc/self/limits"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
