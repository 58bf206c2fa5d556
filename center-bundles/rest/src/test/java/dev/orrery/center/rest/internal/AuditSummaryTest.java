package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuditSummaryTest {
    private static AuditSummary of(String json) {
        return AuditSummary.of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void commandsAndTargetsAreTakenAsAsked() {
        AuditSummary s = of("{\"targets\":{\"hosts\":[\"a\",\"b\"]},\"command\":\"rm -rf ./build\",\"confirmHighRisk\":true}");
        assertEquals("hosts=a,b", s.targets());
        assertEquals("rm -rf ./build", s.detail());
        assertTrue(s.confirmHighRisk());
        assertFalse(of("{\"command\":\"id\",\"confirmHighRisk\":\"true\"}").confirmHighRisk());
    }

    @Test
    void otherBodiesAreSummarisedWithSecretsMasked() {
        AuditSummary s = of("{\"name\":\"ops\",\"role\":\"operator\",\"groups\":[\"a\",\"b\"],\"secret\":\"s3cret\",\"env\":{\"A\":\"1\"}}");
        assertEquals("name=ops role=operator groups=[2 items] secret=*** env={1 field}", s.detail());
        assertEquals("", s.targets());
        assertEquals("x=" + "y".repeat(80) + "...", of("{\"x\":\"" + "y".repeat(200) + "\"}").detail());
    }

    @Test
    void manyTargetsAreCounted() {
        StringBuilder hosts = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            hosts.append(i == 0 ? "" : ",").append("\"h").append(i).append('"');
        }
        AuditSummary s = of("{\"targets\":{\"hosts\":[" + hosts + "],\"groups\":[\"g\"]},\"command\":\"id\"}");
        assertTrue(s.targets().startsWith("hosts=h0,h1,"), s.targets());
        assertTrue(s.targets().endsWith("h49,+10 more groups=g"), s.targets());
    }

    @Test
    void emptyAndNonJsonBodies() {
        assertEquals(new AuditSummary("", "", false), AuditSummary.of(null));
        assertEquals(new AuditSummary("", "", false), AuditSummary.of(new byte[0]));
        assertEquals("body of 3 bytes, not JSON", of("{x}").detail());
        assertEquals("body of 5 bytes, not a JSON object", of("[1,2]").detail());
    }
}
