package dev.orrery.channel.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InFlightTest {

    @Test
    void countsTasksUntilTheyEndOrTheirHostLeaves() {
        InFlight f = new InFlight();
        f.started("a", "t1");
        f.started("a", "t2");
        f.started("a", "t2"); // a resend is the same host task
        f.started("b", "t1");
        assertEquals(3, f.count());
        f.ended("a", "t1");
        f.ended("a", "unknown");
        f.ended("zzz", "t1");
        assertEquals(2, f.count());
        f.forget("a");
        assertEquals(1, f.count());
        f.ended("b", "t1");
        assertEquals(0, f.count());
    }
}
