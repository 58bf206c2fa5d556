package dev.orrery.agent.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Validation of the status, data and watchdog settings. */
class AgentLimitsTest {
    private static void refused(String name, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }

    @Test
    void defaultsAreValidAndBadValuesAreNamed() {
        AgentLimits d = AgentLimits.defaults();
        assertEquals(30, d.statusSeconds());
        assertEquals(64L << 20, d.dataSpoolMaxBytes());
        assertEquals(50, d.watchdogCpuPercent());
        refused("statusSeconds", () -> new AgentLimits(0, 300, 64L << 20, 1, 500, 15, 50, 85, 5, 60));
        refused("statusFullSeconds", () -> new AgentLimits(30, 10, 64L << 20, 1, 500, 15, 50, 85, 5, 60));
        refused("dataSpoolMaxBytes", () -> new AgentLimits(30, 300, 1000, 1, 500, 15, 50, 85, 5, 60));
        refused("dataSpoolMaxRecords", () -> new AgentLimits(30, 300, 64L << 20, 0, 500, 15, 50, 85, 5, 60));
        refused("dataBatchRecords", () -> new AgentLimits(30, 300, 64L << 20, 1, 10_001, 15, 50, 85, 5, 60));
        refused("dataAckTimeoutSeconds", () -> new AgentLimits(30, 300, 64L << 20, 1, 500, 0, 50, 85, 5, 60));
        refused("watchdogCpuPercent", () -> new AgentLimits(30, 300, 64L << 20, 1, 500, 15, -1, 85, 5, 60));
        refused("watchdogHeapPercent", () -> new AgentLimits(30, 300, 64L << 20, 1, 500, 15, 50, 101, 5, 60));
        refused("watchdogIntervalSeconds", () -> new AgentLimits(30, 300, 64L << 20, 1, 500, 15, 50, 85, 0, 60));
        refused("watchdogMaxDelaySeconds", () -> new AgentLimits(30, 300, 64L << 20, 1, 500, 15, 50, 85, 5, -1));
    }
}
