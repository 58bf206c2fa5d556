package dev.orrery.bench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Result;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulated outbox resends on the agent's backoff, holds on Ack QUEUED, drops on Ack STORED. */
class SimOutboxTest {
    private static Result result(String taskId) {
        return new Result(taskId, "h", HostTaskState.SUCCEEDED, 0, new byte[0], new byte[0], false, null, null, 1, 2);
    }

    @Test
    void resendsOnTheBackoffHoldsWhenQueuedAndDropsWhenStored() {
        SimOutbox box = new SimOutbox(new Random(1));
        long t0 = 1_000_000;
        box.add(result("t1"), t0);
        assertEquals(List.of(), List.copyOf(box.due(t0 + 100)), "not due before the first resend delay");
        long firstDue = t0 + SimConfig.RESEND_MIN_MILLIS * 2; // past the jittered first delay
        assertEquals(1, box.due(firstDue).size());

        box.queued("t1", firstDue);
        assertTrue(box.due(firstDue + SimConfig.RESEND_MAX_MILLIS - 1).isEmpty(), "held while the center stores it");
        assertEquals(1, box.due(firstDue + 2 * SimConfig.RESEND_MAX_MILLIS).size(), "sent again when no STORED came");

        box.queued("unknown", firstDue); // a QUEUED for a result it does not hold changes nothing
        assertTrue(box.stored("t1"));
        assertFalse(box.stored("t1"));
        assertTrue(box.all().isEmpty());
    }
}
