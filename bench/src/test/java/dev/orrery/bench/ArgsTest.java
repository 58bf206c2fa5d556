package dev.orrery.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final Set<String> OPTIONS = Set.of("agents", "channels");
    private static final Set<String> FLAGS = Set.of("no-heap");

    @Test
    void readsValuesInBothFormsAndFlags() {
        Args a = Args.parse(List.of("--agents", "50_000", "--channels=6", "--no-heap"), OPTIONS, FLAGS);
        assertEquals(50_000, a.integer("agents", 1, 1, 100_000));
        assertEquals(6, a.integer("channels", 1, 1, 31));
        assertTrue(a.flag("no-heap"));
    }

    @Test
    void absentOptionsTakeTheirDefault() {
        Args a = Args.parse(List.of(), OPTIONS, FLAGS);
        assertEquals(10_000, a.integer("agents", 10_000, 1, 100_000));
        assertEquals("x", a.string("channels", "x"));
        assertFalse(a.flag("no-heap"));
    }

    @Test
    void refusesTyposMissingValuesStrayWordsAndValuesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Args.parse(List.of("--agent", "5"), OPTIONS, FLAGS));
        assertThrows(IllegalArgumentException.class, () -> Args.parse(List.of("--agents"), OPTIONS, FLAGS));
        assertThrows(IllegalArgumentException.class, () -> Args.parse(List.of("agents"), OPTIONS, FLAGS));
        Args a = Args.parse(List.of("--agents", "0", "--channels", "six"), OPTIONS, FLAGS);
        assertThrows(IllegalArgumentException.class, () -> a.integer("agents", 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> a.integer("channels", 1, 1, 10));
    }
}
