package dev.orrery.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContextsAndRefusalsTest {
    @Test
    void aRefusalBecomesAFailedOutcomeWithItsCodeAndNoStackTrace() {
        TaskRefused r = new TaskRefused(ErrorCode.DIGEST_MISMATCH, "the script's SHA-256 differs");
        TaskOutcome o = r.outcome();
        assertEquals(HostTaskState.FAILED, o.state());
        assertEquals(ErrorCode.DIGEST_MISMATCH, o.error());
        assertEquals("the script's SHA-256 differs", o.errorMessage());
        assertEquals(0, r.getStackTrace().length);
    }

    @Test
    void cancelRunsEveryActionOnceAndLaterOnesAtOnceEvenWhenOneFails() {
        List<RuntimeException> failures = new ArrayList<>();
        CancellableContext c = new CancellableContext(failures::add);
        AtomicInteger ran = new AtomicInteger();
        c.onCancel(() -> {
            throw new IllegalStateException("boom");
        });
        c.onCancel(ran::incrementAndGet);
        assertFalse(c.isCancelled());
        c.cancel();
        c.cancel();
        assertTrue(c.isCancelled());
        assertEquals(1, ran.get());
        assertEquals(1, failures.size());
        c.onCancel(ran::incrementAndGet);
        assertEquals(2, ran.get());
    }
}
