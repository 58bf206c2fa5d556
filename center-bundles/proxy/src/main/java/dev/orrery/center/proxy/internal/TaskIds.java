package dev.orrery.center.proxy.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Task ids in the UUID version 7 layout: 48 bits of epoch milliseconds, then random bits, so
 * ids sort by creation time and never collide in practice. Thread-safe.
 */
final class TaskIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TaskIds() {
    }

    /** @param nowMillis epoch ms @return a new id */
    static String next(long nowMillis) {
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        long hi = (nowMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long lo = 0x8000_0000_0000_0000L | ((r[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            lo |= (r[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(hi, lo).toString();
    }
}
