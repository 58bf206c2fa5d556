package dev.orrery.center.market.internal.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VersionsAndSectionTest {
    @Test
    void versionsFollowOsgiOrder() {
        assertEquals(List.of("junk", "1.0.0", "1.0.0.beta", "1.2", "1.9.0", "1.10.0", "2"),
                Stream.of("1.10.0", "2", "1.9.0", "junk", "1.0.0.beta", "1.2", "1.0.0").sorted(Versions.ORDER).toList());
        assertTrue(Versions.same("1.0", "1.0.0"));
        assertFalse(Versions.same("1.0.0", "1.0.0.q"));
        assertFalse(Versions.same(null, "1.0.0"));
        assertEquals("2.0.0", Versions.max("1.99.99", "2.0.0"));
        assertTrue(Versions.compare(null, "0.0.0") < 0);
        assertTrue(Versions.compare("1.x.0", "0.0.1") < 0);
    }

    @Test
    void pluginsSectionIsReadDefensively() {
        for (String garbage : new String[] {null, "", "not json", "{}", "{\"name\":\"x\"}", "42", "[1,2", "null"}) {
            assertEquals(Map.of(), PluginsSection.parse(garbage), garbage);
        }
        Map<String, PluginsSection.Reported> r = PluginsSection.parse("[{\"name\":\"a\",\"version\":\"1.0.0\",\"state\":\"ACTIVE\"},"
                + "{\"version\":\"9\"}, 7, {\"name\":\"b\",\"version\":3,\"failedVersion\":\"2.0.0\",\"error\":\"PLUGIN_FAILED: x\"}]");
        assertEquals(List.of("a", "b"), List.copyOf(r.keySet()));
        assertEquals("1.0.0", r.get("a").version());
        assertNull(r.get("b").version());
        assertEquals("2.0.0", r.get("b").failedVersion());
        assertEquals("PLUGIN_FAILED: x", r.get("b").error());
    }
}
