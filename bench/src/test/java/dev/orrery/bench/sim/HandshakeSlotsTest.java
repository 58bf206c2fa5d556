package dev.orrery.bench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeSlotsTest {
    @Test
    void attemptsWaitForASlotHalfWayAgentsFirstAndEachSlotIsGivenBackOnce() {
        List<String> started = new ArrayList<>();
        List<HandshakeSlots.Slot> held = new ArrayList<>();
        HandshakeSlots slots = new HandshakeSlots(2, Runnable::run);
        for (String name : List.of("enroll-a", "enroll-b", "enroll-c")) {
            slots.acquire(() -> {
                started.add(name);
                held.add(slots.slot());
            }, false);
        }
        slots.acquire(() -> {
            started.add("register-d");
            held.add(slots.slot());
        }, true);
        assertEquals(List.of("enroll-a", "enroll-b"), started);
        assertEquals(2, slots.waiting());

        held.get(0).release();
        held.get(0).release(); // a second release of the same slot changes nothing
        assertEquals(List.of("enroll-a", "enroll-b", "register-d"), started, "the half-way agent goes first");
        assertEquals(2, slots.busy());

        held.get(1).release();
        assertEquals("enroll-c", started.get(3));
        held.get(2).release();
        held.get(3).release();
        assertEquals(0, slots.busy());
        assertEquals(0, slots.waiting());
        assertThrows(IllegalArgumentException.class, () -> new HandshakeSlots(0, Runnable::run));
    }
}
