package dev.orrery.plugin.portcheck.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTest {
    @Test
    void parsesTargetsAndTheDefaultTimeout() {
        Request r = Request.parse(List.of("db1.example.com:5432", "10.0.0.1:22", "[::1]:8080", "[fe80::1%eth0]:22"));
        assertEquals(3, r.timeoutSeconds());
        assertEquals(new Target("db1.example.com:5432", "db1.example.com", 5432), r.targets().get(0));
        assertEquals(new Target("10.0.0.1:22", "10.0.0.1", 22), r.targets().get(1));
        assertEquals(new Target("[::1]:8080", "::1", 8080), r.targets().get(2));
        assertEquals("fe80::1%eth0", r.targets().get(3).host());
    }

    @Test
    void timeoutOptionAnywhereFromOneToThirty() {
        assertEquals(1, Request.parse(List.of("--timeout=1", "h:1")).timeoutSeconds());
        assertEquals(30, Request.parse(List.of("h:1", "--timeout=30")).timeoutSeconds());
        for (String bad : List.of("--timeout=0", "--timeout=31", "--timeout=", "--timeout=2s", "--timeout=-1",
                "--timeout=999999999999")) {
            assertRefused(List.of(bad, "h:1"), "--timeout must be");
        }
        assertRefused(List.of("--timeout=2", "--timeout=3", "h:1"), "given twice");
        assertRefused(List.of("--verbose", "h:1"), "unknown option");
    }

    @Test
    void targetsAreValidated() {
        assertRefused(List.of(), "no HOST:PORT");
        assertRefused(List.of("--timeout=5"), "no HOST:PORT");
        for (String bad : List.of("host", "host:", ":22", "host:0", "host:65536", "host:22x", "host:-1",
                "host:123456", "ho st:22", "host;rm:22", "a\nb:22", "[]:22", "[zz::1]:22", "::1:22x", "")) {
            assertThrows(IllegalArgumentException.class, () -> Request.parse(List.of(bad)), bad);
        }
        assertEquals(65_535, Request.parse(List.of("h:65535")).targets().get(0).port());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Request.parse(List.of("bad\u0007host:22")));
        assertTrue(e.getMessage().contains("bad?host"), e.getMessage());
    }

    @Test
    void atMostSixtyFourTargets() {
        List<String> args = new ArrayList<>();
        for (int i = 1; i <= 64; i++) {
            args.add("h:" + i);
        }
        assertEquals(64, Request.parse(args).targets().size());
        args.add("h:65");
        assertRefused(args, "too many targets: 65 (at most 64)");
    }

    private static void assertRefused(List<String> args, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Request.parse(args));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
