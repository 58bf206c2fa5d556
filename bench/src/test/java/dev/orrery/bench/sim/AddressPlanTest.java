package dev.orrery.bench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPlanTest {
    @Test
    void addressesAreLoopbackAndSkipZeroAndBroadcast() {
        assertEquals("127.1.0.1", AddressPlan.address(0).getHostAddress());
        assertEquals("127.1.0.254", AddressPlan.address(253).getHostAddress());
        assertEquals("127.1.1.1", AddressPlan.address(254).getHostAddress());
        assertTrue(AddressPlan.address(100).isLoopbackAddress());
        assertThrows(IllegalArgumentException.class, () -> AddressPlan.address(-1));
    }

    @Test
    void agentsShareAnAddressInBlocks() {
        assertEquals(AddressPlan.address(0), AddressPlan.sourceOf(3999, 4000));
        assertEquals(AddressPlan.address(1), AddressPlan.sourceOf(4000, 4000));
        assertEquals(AddressPlan.address(24), AddressPlan.sourceOf(99_999, 4000));
    }

    @Test
    void processesGetEvenSharesCoveringEveryAgentOnce() {
        List<AddressPlan.Range> ranges = AddressPlan.split(100_000, 15_000);
        assertEquals(7, ranges.size());
        int next = 0;
        for (AddressPlan.Range r : ranges) {
            assertEquals(next, r.first());
            assertTrue(r.count() == 14_285 || r.count() == 14_286, "uneven share " + r);
            next += r.count();
        }
        assertEquals(100_000, next);
        assertEquals(List.of(new AddressPlan.Range(0, 200)), AddressPlan.split(200, 15_000));
    }

    @Test
    void hostIdsAreStableAndSortable() {
        assertEquals("sim-000001", AddressPlan.hostId(0));
        assertEquals("sim-100000", AddressPlan.hostId(99_999));
    }
}
