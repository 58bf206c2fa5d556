package dev.orrery.agent.cron.internal;

import dev.orrery.agent.cron.internal.schedule.Schedule;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * When a job runs on this host. Without spread, at each fire of its schedule. With spread, at
 * {@code fire + offset}, where the offset is a stable hash of the host and the job modulo the
 * period (the time from that fire to the next one), so the hosts of a per-minute job start about
 * one a second, each still exactly once per period.
 */
final class Spread {
    private Spread() {
    }

    /**
     * One run: the fire it belongs to and when it starts.
     *
     * @param fire the schedule's fire time
     * @param at when the run starts (fire plus the host's offset, or the fire itself)
     */
    record Run(Instant fire, Instant at) {
    }

    /**
     * @param schedule the schedule
     * @param spread whether runs are spread
     * @param hostId this host
     * @param cronId the job
     * @param after an instant
     * @return the first run starting strictly after it, or {@code null} if the schedule no longer fires
     */
    static Run next(Schedule schedule, boolean spread, String hostId, String cronId, Instant after) {
        if (!spread) {
            Instant f = schedule.next(after);
            return f == null ? null : new Run(f, f);
        }
        long hash = hash(hostId, cronId);
        Instant fire = schedule.previous(after);
        if (fire != null) {
            Run run = spreadRun(schedule, hash, fire);
            if (run != null && run.at().isAfter(after)) {
                return run;
            }
            fire = schedule.next(fire);
        } else {
            fire = schedule.next(after);
        }
        return fire == null ? null : spreadRun(schedule, hash, fire);
    }

    private static Run spreadRun(Schedule schedule, long hash, Instant fire) {
        Instant following = schedule.next(fire);
        if (following == null) {
            return new Run(fire, fire);
        }
        long period = following.getEpochSecond() - fire.getEpochSecond();
        return new Run(fire, fire.plusSeconds(offset(hash, period)));
    }

    /**
     * @param hash the host's and job's hash
     * @param periodSeconds the period, at least 1
     * @return the offset in [0, period) seconds
     */
    static long offset(long hash, long periodSeconds) {
        return Math.floorMod(hash, Math.max(1, periodSeconds));
    }

    /** @return a stable 64-bit hash of host and job (the first 8 bytes of their SHA-256) */
    static long hash(String hostId, String cronId) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest((hostId + "\n" + cronId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
