package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnrollTokenCreateCommandTest {
    @Test
    void parsesTtls() {
        assertEquals(Duration.ZERO, EnrollTokenCreateCommand.parse("0"));
        assertEquals(Duration.ofMinutes(30), EnrollTokenCreateCommand.parse("30m"));
        assertEquals(Duration.ofHours(12), EnrollTokenCreateCommand.parse("12h"));
        assertEquals(Duration.ofDays(7), EnrollTokenCreateCommand.parse(" 7D "));
        assertThrows(IllegalArgumentException.class, () -> EnrollTokenCreateCommand.parse("7w"));
    }
}
