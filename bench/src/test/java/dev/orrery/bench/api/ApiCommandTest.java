package dev.orrery.bench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiCommandTest {
    @Test
    void takesItsOwnOptionsAndLeavesTheRest() {
        List<String> args = new ArrayList<>(List.of("--seconds", "5", "--agents", "20", "--rate=300"));
        assertEquals(5, ApiCommand.take(args, "seconds", 30, 1, 3600));
        assertEquals(300, ApiCommand.take(args, "rate", 5000, 1, 1_000_000));
        assertEquals(512, ApiCommand.take(args, "max-outstanding", 512, 1, 65_536));
        assertEquals(List.of("--agents", "20"), args);
    }

    @Test
    void refusesBadNumbers() {
        assertThrows(IllegalArgumentException.class, () -> ApiCommand.take(new ArrayList<>(List.of("--seconds", "x")), "seconds", 1, 1, 9));
        assertThrows(IllegalArgumentException.class, () -> ApiCommand.take(new ArrayList<>(List.of("--seconds", "0")), "seconds", 1, 1, 9));
    }
}
